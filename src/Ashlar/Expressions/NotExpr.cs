using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>Logical negation.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record NotExpr(Expr Operand) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"not {Operand}";
}
