using Ashlar.Expressions;
using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>Everything a data layer needs to run one read. Immutable.</summary>
public sealed record ReadPlan(ResourceDefinition Resource)
{
    /// <summary>The filter, or null for every record.</summary>
    public Expr? Filter { get; init; }

    /// <summary>Sort keys, most significant first.</summary>
    public IReadOnlyList<SortKey> Sort { get; init; } = [];

    /// <summary>At most this many records.</summary>
    public int? Limit { get; init; }

    /// <summary>Skip this many records first.</summary>
    public int? Offset { get; init; }

    /// <summary>The tenant whose data is read, for multitenant resources.</summary>
    public string? Tenant { get; init; }
}
