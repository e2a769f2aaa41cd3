using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>An expression evaluated against the enclosing record, inside an exists or relationship filter.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record ParentExpr(Expr Operand) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"parent({Operand})";
}
