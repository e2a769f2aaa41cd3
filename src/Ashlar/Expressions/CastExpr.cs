using System.Diagnostics.CodeAnalysis;
using Ashlar.Types;

namespace Ashlar.Expressions;

/// <summary>A value converted to another type (<c>Fn.Cast&lt;T&gt;(x)</c>, or a numeric conversion in a lambda).</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record CastExpr(Expr Operand, AttributeType Type) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"type({Operand}, {Type})";
}
