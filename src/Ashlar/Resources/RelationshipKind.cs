namespace Ashlar.Resources;

/// <summary>The kinds of relationship between resources.</summary>
public enum RelationshipKind
{
    /// <summary>This resource holds the key of one other record.</summary>
    BelongsTo,

    /// <summary>One other record holds this resource's key.</summary>
    HasOne,

    /// <summary>Many other records hold this resource's key.</summary>
    HasMany,

    /// <summary>Many records related through a join resource.</summary>
    ManyToMany,
}
