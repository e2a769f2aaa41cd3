using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Expressions;

/// <summary>
/// An aggregate written in a lambda over a to-many relationship (<c>p.Comments!.Count(c =&gt; c.Likes &gt; 3)</c>,
/// <c>p.Comments!.Sum(c =&gt; c.Likes)</c>), computed in the database like a declared aggregate of the same kind.
/// References inside <see cref="Value"/> and <see cref="Condition"/> are relative to the relationship's destination;
/// <see cref="ParentExpr"/> reaches back to the record the aggregate is computed for.
/// </summary>
/// <param name="Path">The to-one relationships walked before <paramref name="Relationship"/>, from the level the aggregate is evaluated at.</param>
/// <param name="Relationship">The to-many relationship whose records are aggregated.</param>
/// <param name="Kind">Count, Sum, Avg, Min or Max.</param>
/// <param name="Value">The value aggregated (null for a count of records).</param>
/// <param name="Condition">Only related records matching this are aggregated (null for all).</param>
/// <param name="Type">The type of the result: integer or bigint for a count, otherwise the lambda's result type.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record InlineAggregateExpr(
    IReadOnlyList<RelationshipDefinition> Path,
    RelationshipDefinition Relationship,
    AggregateKind Kind,
    Expr? Value,
    Expr? Condition,
    AttributeType Type) : Expr
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{string.Concat(Path.Select(r => r.Name + "."))}{Relationship.Name}.{Kind.ToString().ToLowerInvariant()}({Value}{(Condition is null ? "" : (Value is null ? "" : ", ") + "where " + Condition)})";
}
