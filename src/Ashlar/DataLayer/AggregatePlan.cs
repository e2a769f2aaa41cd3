using System.Diagnostics.CodeAnalysis;
using Ashlar.Expressions;
using Ashlar.Types;

namespace Ashlar.DataLayer;

/// <summary>
/// Aggregates over the records a read's filter selects, optionally per group. Immutable. Only the read's
/// <see cref="ReadPlan.Filter"/> and <see cref="ReadPlan.Tenant"/> apply.
/// </summary>
/// <param name="Query">The read whose filter selects the records.</param>
/// <param name="Aggregates">What to compute, one column each, in order.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record AggregatePlan(ReadPlan Query, IReadOnlyList<AggregateColumn> Aggregates)
{
    /// <summary>
    /// The expressions whose values form the groups (several for a composite key such as
    /// <c>c =&gt; new { c.PostId, c.AuthorId }</c>); empty for one value over every record.
    /// </summary>
    public IReadOnlyList<Expr> GroupBy { get; init; } = [];

    /// <summary>The type of each <see cref="GroupBy"/> expression's values.</summary>
    public IReadOnlyList<AttributeType> GroupTypes { get; init; } = [];

    /// <summary>True when the key is built from its parts with a constructor (<c>new { … }</c>), even from one part.</summary>
    public bool CompositeKey { get; init; }

    /// <summary>True when the value is built from the aggregates with a constructor (<c>new { Count = a.Count(), … }</c>).</summary>
    public bool CompositeValue { get; init; }
}
