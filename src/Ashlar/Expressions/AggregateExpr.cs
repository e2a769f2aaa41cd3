using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;

namespace Ashlar.Expressions;

/// <summary>A declared aggregate of the record reached through <paramref name="Path"/> (to-one hops), computed in the database.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record AggregateExpr(IReadOnlyList<RelationshipDefinition> Path, AggregateDefinition Aggregate) : Expr
{
    /// <inheritdoc />
    public override string ToString() => string.Concat(Path.Select(r => r.Name + ".")) + Aggregate.Name;
}
