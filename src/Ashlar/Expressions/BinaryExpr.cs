namespace Ashlar.Expressions;

/// <summary>Two operands joined by an operator.</summary>
public sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"({Left} {Operator} {Right})";
}
