using Ashlar.Expressions;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary>Comparison, logical and arithmetic operators.</summary>
internal static class BinarySql
{
    public static void Write(ExprWriter writer, BinaryExpr binary)
    {
        var type = ExprTypes.Of(binary.Left) ?? ExprTypes.Of(binary.Right);
        writer.Sql.Append('(');
        writer.Write(binary.Left, type);
        writer.Sql.Append(binary.Operator switch
        {
            BinaryOperator.Equal => " = ",
            BinaryOperator.NotEqual => " <> ",
            BinaryOperator.LessThan => " < ",
            BinaryOperator.LessThanOrEqual => " <= ",
            BinaryOperator.GreaterThan => " > ",
            BinaryOperator.GreaterThanOrEqual => " >= ",
            BinaryOperator.And => " AND ",
            BinaryOperator.Or => " OR ",
            BinaryOperator.Add => " + ",
            BinaryOperator.Subtract => " - ",
            BinaryOperator.Multiply => " * ",
            BinaryOperator.Divide => " / ",
            BinaryOperator.Modulo => " % ",
            BinaryOperator.IsDistinctFrom => " IS DISTINCT FROM ",
            BinaryOperator.IsNotDistinctFrom => " IS NOT DISTINCT FROM ",
            _ => throw ExprWriter.Unsupported(binary.Operator.ToString()),
        });
        writer.Write(binary.Right, type);
        writer.Sql.Append(')');
    }
}
