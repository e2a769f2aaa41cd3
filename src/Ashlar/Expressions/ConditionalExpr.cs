using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>One of two values, chosen by a condition (<c>c ? a : b</c> in a lambda).</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record ConditionalExpr(Expr Condition, Expr Then, Expr Else) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"if {Condition} then {Then} else {Else}";
}
