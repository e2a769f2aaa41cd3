using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;

namespace Ashlar.Expressions;

/// <summary>A reference to an attribute, reached through zero or more relationships from the queried resource.</summary>
/// <param name="Path">The relationships walked from the root resource, in order; empty for the root's own attribute.</param>
/// <param name="Attribute">The attribute at the end of the path.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record RefExpr(IReadOnlyList<RelationshipDefinition> Path, AttributeDefinition Attribute) : Expr
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Concat(Path.Select(r => r.Name + ".")) + Attribute.Name;
}
