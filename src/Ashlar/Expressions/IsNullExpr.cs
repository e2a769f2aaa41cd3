using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>True when the operand is nil (<c>x == null</c> in a lambda).</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record IsNullExpr(Expr Operand) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"is_nil({Operand})";
}
