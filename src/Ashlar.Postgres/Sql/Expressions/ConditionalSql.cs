using Ashlar.Expressions;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary><c>c ? a : b</c> as <c>CASE WHEN c THEN a ELSE b END</c>.</summary>
internal static class ConditionalSql
{
    public static void Write(ExprWriter writer, ConditionalExpr conditional)
    {
        var type = ExprTypes.Of(conditional);
        writer.Sql.Append("CASE WHEN ");
        writer.Write(conditional.Condition);
        writer.Sql.Append(" THEN ");
        writer.Write(conditional.Then, type);
        writer.Sql.Append(" ELSE ");
        writer.Write(conditional.Else, type);
        writer.Sql.Append(" END");
    }
}
