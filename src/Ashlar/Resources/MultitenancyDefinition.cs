namespace Ashlar.Resources;

/// <summary>A tenant resource's multitenancy, as validated when the domain is built. Immutable.</summary>
public sealed record MultitenancyDefinition
{
    /// <summary>How the tenants' records are kept apart.</summary>
    public required MultitenancyStrategy Strategy { get; init; }

    /// <summary>For <see cref="MultitenancyStrategy.Attribute"/>: the tenant column; otherwise null.</summary>
    public AttributeDefinition? Attribute { get; init; }

    /// <summary>
    /// True when the resource may also be used without a tenant: a context resource then reads and writes its own
    /// (declared) schema, an attribute resource every tenant's records.
    /// </summary>
    public bool Global { get; init; }
}
