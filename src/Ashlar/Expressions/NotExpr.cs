namespace Ashlar.Expressions;

/// <summary>Logical negation.</summary>
public sealed record NotExpr(Expr Operand) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"not {Operand}";
}
