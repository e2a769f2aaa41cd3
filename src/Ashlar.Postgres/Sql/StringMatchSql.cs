using Ashlar.Expressions;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql;

/// <summary>
/// Contains / starts with / ends with, and LIKE / ILIKE. A value to look for becomes a LIKE pattern with <c>%</c>,
/// <c>_</c> and <c>\</c> escaped, so it matches only literally; an expression to look for uses <c>strpos</c>.
/// </summary>
internal static class StringMatchSql
{
    private static readonly AttributeType Text = AttributeType.Of(TypeKind.String, typeof(string));

    public static void Write(FilterWriter writer, CallExpr call)
    {
        var sql = writer.Sql;
        var (subject, search) = (call.Arguments[0], call.Arguments[1]);
        var ignoreCase = call.IgnoreCase || call.Function == ExprFunction.ILike;
        if (call.Function is ExprFunction.Like or ExprFunction.ILike)
        {
            WriteLike(writer, subject, ignoreCase, (search as ValueExpr)?.Value as string, search);
            return;
        }

        if (search is ValueExpr { Value: string literal })
        {
            var escaped = Escape(literal);
            var pattern = call.Function switch
            {
                ExprFunction.Contains => "%" + escaped + "%",
                ExprFunction.StartsWith => escaped + "%",
                _ => "%" + escaped,
            };
            WriteLike(writer, subject, ignoreCase, pattern, null);
            return;
        }

        // strpos on both sides lowered when case does not matter; = 1 for a prefix, a suffix compares the tail.
        if (call.Function == ExprFunction.EndsWith)
        {
            sql.Append("(right(");
            Operand(writer, subject, ignoreCase);
            sql.Append(", length(");
            Operand(writer, search, ignoreCase);
            sql.Append(")) = ");
            Operand(writer, search, ignoreCase);
            sql.Append(')');
            return;
        }

        sql.Append("(strpos(");
        Operand(writer, subject, ignoreCase);
        sql.Append(", ");
        Operand(writer, search, ignoreCase);
        sql.Append(call.Function == ExprFunction.StartsWith ? ") = 1)" : ") > 0)");
    }

    public static string Escape(string literal) =>
        literal.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    private static void WriteLike(FilterWriter writer, Expr subject, bool ignoreCase, string? pattern, Expr? search)
    {
        writer.Sql.Append('(');
        writer.Write(subject, Text);
        writer.Sql.Append(ignoreCase ? " ILIKE " : " LIKE ");
        if (pattern is not null)
        {
            writer.Sql.Parameter(pattern, Text);
        }
        else
        {
            writer.Write(search!, Text);
        }

        writer.Sql.Append(')');
    }

    private static void Operand(FilterWriter writer, Expr operand, bool lower)
    {
        writer.Sql.Append(lower ? "lower(" : "(");
        writer.Write(operand, Text);
        writer.Sql.Append(')');
    }
}
