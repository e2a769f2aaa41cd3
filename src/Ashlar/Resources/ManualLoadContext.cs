namespace Ashlar.Resources;

/// <summary>
/// What a code-loaded manual relationship's loader is told about the load it serves. Immutable. A loader that needs
/// the domain or other services receives them when it is constructed: it is an instance the application builds.
/// </summary>
public sealed class ManualLoadContext
{
    internal ManualLoadContext(RelationshipDefinition relationship, string? tenant)
    {
        Relationship = relationship;
        Tenant = tenant;
    }

    /// <summary>The relationship being loaded.</summary>
    public RelationshipDefinition Relationship { get; }

    /// <summary>The tenant of the read that loads it, or null.</summary>
    public string? Tenant { get; }
}
