using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>Two operands joined by an operator.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"({Left} {Operator} {Right})";
}
