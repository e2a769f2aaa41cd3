namespace Ashlar.Resources;

/// <summary>What the built-in relationship changes and validations need of the domain at run time.</summary>
internal interface IActionServices
{
    /// <summary>True when <paramref name="record"/> has at least one record through <paramref name="relationship"/>.</summary>
    ValueTask<bool> AnyRelatedAsync(ResourceDefinition resource, object record, RelationshipDefinition relationship, string? tenant, CancellationToken cancellationToken);

    /// <summary>The resource declared by <paramref name="type"/>.</summary>
    ResourceDefinition Resource(Type type);

    /// <summary>Points the destination record with key <paramref name="key"/> at <paramref name="record"/> (or at nothing).</summary>
    ValueTask RelateAsync(ResourceDefinition resource, object record, RelationshipDefinition relationship, object key, bool relate, string? tenant, CancellationToken cancellationToken);

    /// <summary>Makes the related records of <paramref name="record"/> match <paramref name="input"/>: creates, updates, destroys.</summary>
    ValueTask ManageAsync(ResourceDefinition resource, object record, RelationshipDefinition relationship, IEnumerable<object?> input, string? tenant, CancellationToken cancellationToken);
}
