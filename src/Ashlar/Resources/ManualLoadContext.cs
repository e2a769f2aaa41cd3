using Ashlar.Domains;

namespace Ashlar.Resources;

/// <summary>What a code-loaded manual relationship's loader is told about the load it serves. Immutable.</summary>
public sealed class ManualLoadContext
{
    internal ManualLoadContext(DomainModel model, RelationshipDefinition relationship, string? tenant)
    {
        Model = model;
        Relationship = relationship;
        Tenant = tenant;
    }

    /// <summary>The domain's model.</summary>
    public DomainModel Model { get; }

    /// <summary>The relationship being loaded.</summary>
    public RelationshipDefinition Relationship { get; }

    /// <summary>The tenant of the read that loads it, or null.</summary>
    public string? Tenant { get; }
}
