using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;

namespace Ashlar.Expressions;

/// <summary>
/// True when at least one record reached through the relationship path matches the condition. References inside
/// the condition are relative to the destination; <see cref="ParentExpr"/> reaches back to the source.
/// </summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record ExistsExpr(IReadOnlyList<RelationshipDefinition> Path, Expr? Condition) : Expr
{
    /// <inheritdoc />
    public override string ToString() =>
        $"exists({string.Join(".", Path.Select(r => r.Name))}{(Condition is null ? "" : ", " + Condition)})";
}
