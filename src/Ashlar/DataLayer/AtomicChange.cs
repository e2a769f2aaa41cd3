using System.Diagnostics.CodeAnalysis;
using Ashlar.Expressions;
using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>
/// An attribute set to an expression of the row, evaluated by the database in the write statement itself (so two
/// concurrent increments never lose one). Immutable.
/// </summary>
/// <param name="Attribute">The attribute written.</param>
/// <param name="Value">
/// The new value: an expression over the record as stored when the statement runs (for an upsert, the existing row;
/// its <see cref="ParentExpr"/> references read the incoming row).
/// </param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record AtomicChange(AttributeDefinition Attribute, Expr Value)
{
    /// <summary>
    /// The attribute's constraints as conditions over <see cref="Value"/>: when one holds, the statement must fail
    /// with its message, and nothing is written.
    /// </summary>
    public IReadOnlyList<AtomicCheck> Checks { get; init; } = [];
}
