using System.Diagnostics.CodeAnalysis;
using Ashlar.Expressions;
using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>Everything a data layer needs to run one read. Immutable.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
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

    /// <summary>The attributes to read, or null for all of them. Always includes the primary key.</summary>
    public IReadOnlyList<AttributeDefinition>? Select { get; init; }

    /// <summary>Keep only the first record (in sort order) for each distinct value of these expressions.</summary>
    public IReadOnlyList<Expr> Distinct { get; init; } = [];

    /// <summary>Aggregates to compute and set on every record returned.</summary>
    public IReadOnlyList<AggregateDefinition> Aggregates { get; init; } = [];

    /// <summary>Calculations to compute and set on every record returned.</summary>
    public IReadOnlyList<CalculationPlan> Calculations { get; init; } = [];

    /// <summary>The row lock to take, or null.</summary>
    public ReadLock? Lock { get; init; }

    /// <summary>Relationships to load into every record returned.</summary>
    public IReadOnlyList<LoadPlan> Loads { get; init; } = [];

    /// <summary>The tenant whose data is read, for multitenant resources.</summary>
    public string? Tenant { get; init; }
}
