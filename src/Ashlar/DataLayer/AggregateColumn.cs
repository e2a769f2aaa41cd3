using System.Diagnostics.CodeAnalysis;
using Ashlar.Expressions;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.DataLayer;

/// <summary>One aggregate an <see cref="AggregatePlan"/> computes. Immutable.</summary>
/// <param name="Kind">Count, sum, avg, min, max or exists.</param>
/// <param name="Type">The type of the computed value.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record AggregateColumn(AggregateKind Kind, AttributeType Type)
{
    /// <summary>The expression aggregated; null to count (or test for) whole records.</summary>
    public Expr? Field { get; init; }

    /// <summary>True to aggregate each distinct value once.</summary>
    public bool Distinct { get; init; }
}
