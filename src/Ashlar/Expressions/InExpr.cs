using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>True when the operand equals one of the values (<c>values.Contains(x)</c> in a lambda).</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record InExpr(Expr Operand, IReadOnlyList<object?> Values) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"{Operand} in [{string.Join(", ", Values)}]";
}
