using System.Diagnostics.CodeAnalysis;
using Ashlar.Expressions;
using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>What an insert does with a row whose key or identity already exists. Immutable.</summary>
/// <param name="Target">The attributes of the primary key or identity the rows conflict on.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record UpsertPlan(IReadOnlyList<AttributeDefinition> Target)
{
    /// <summary>The identity's SQL predicate (a partial unique index), or null.</summary>
    public string? TargetWhereSql { get; init; }

    /// <summary>False when the identity counts two nils as equal (<c>NULLS NOT DISTINCT</c>).</summary>
    public bool NilsDistinct { get; init; } = true;

    /// <summary>The attributes overwritten with the incoming values; empty to keep the existing row as it is.</summary>
    public IReadOnlyList<AttributeDefinition> Fields { get; init; } = [];

    /// <summary>
    /// Update timestamps: set to the incoming value when some of <see cref="Fields"/> really changed, else kept
    /// (or always set, see <see cref="TouchUnchanged"/>).
    /// </summary>
    public IReadOnlyList<AttributeDefinition> Timestamps { get; init; } = [];

    /// <summary>Move <see cref="Timestamps"/> even when the row's values stay the same.</summary>
    public bool TouchUnchanged { get; init; }

    /// <summary>
    /// Update only when this holds: an expression over the existing row, whose <see cref="ParentExpr"/> references
    /// read the incoming row. Rows for which it fails are skipped.
    /// </summary>
    public Expr? Condition { get; init; }

    /// <summary>
    /// Attributes set, on conflict, to expressions of the existing row (whose <see cref="ParentExpr"/> references read
    /// the incoming row), evaluated by the database.
    /// </summary>
    public IReadOnlyList<AtomicChange> Atomics { get; init; } = [];

    /// <summary>Report which rows were skipped (the existing row kept).</summary>
    public bool ReportSkipped { get; init; }
}
