using Ashlar.Expressions;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.DataLayer;

/// <summary>
/// One aggregate over the records a read's filter selects, optionally per group. Immutable. Only the read's
/// <see cref="ReadPlan.Filter"/> and <see cref="ReadPlan.Tenant"/> apply.
/// </summary>
/// <param name="Query">The read whose filter selects the records.</param>
/// <param name="Kind">What to compute: count, sum, avg, min, max or exists.</param>
/// <param name="Type">The type of the computed value.</param>
public sealed record AggregatePlan(ReadPlan Query, AggregateKind Kind, AttributeType Type)
{
    /// <summary>The expression aggregated; null to count (or test for) whole records.</summary>
    public Expr? Field { get; init; }

    /// <summary>True to aggregate each distinct value once.</summary>
    public bool Distinct { get; init; }

    /// <summary>
    /// The expressions whose values form the groups (several for a composite key such as
    /// <c>c =&gt; new { c.PostId, c.AuthorId }</c>); empty for one value over every record.
    /// </summary>
    public IReadOnlyList<Expr> GroupBy { get; init; } = [];

    /// <summary>The type of each <see cref="GroupBy"/> expression's values.</summary>
    public IReadOnlyList<AttributeType> GroupTypes { get; init; } = [];

    /// <summary>True when the key is built from its parts with a constructor (<c>new { … }</c>), even from one part.</summary>
    public bool CompositeKey { get; init; }
}
