using Ashlar.Expressions;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary>
/// Contains / starts with / ends with, and LIKE / ILIKE. A value to look for becomes a LIKE pattern with <c>%</c>,
/// <c>_</c> and <c>\</c> escaped, so it matches only literally; an expression to look for uses <c>strpos</c>.
/// </summary>
internal static class StringMatchSql
{
    private static readonly AttributeType Text = AttributeType.Of(TypeKind.String, typeof(string));

    public static void Write(ExprWriter writer, CallExpr call)
    {
        var sql = writer.Sql;
        var (subject, search) = (call.Arguments[0], call.Arguments[1]);
        var ignoreCase = call.IgnoreCase || call.Function == ExprFunction.ILike;
        if (call.Function is ExprFunction.Like or ExprFunction.ILike)
        {
            WriteLike(writer, subject, ignoreCase, search is ValueExpr { Value: string } ? node => ((ValueExpr)node).Value : null, search);
            return;
        }

        if (search is ValueExpr { Value: string })
        {
            var function = call.Function;
            WriteLike(writer, subject, ignoreCase, node => Pattern(function, (string)((ValueExpr)node).Value!), search);
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

    private static string Pattern(ExprFunction function, string literal)
    {
        var escaped = Escape(literal);
        return function switch
        {
            ExprFunction.Contains => "%" + escaped + "%",
            ExprFunction.StartsWith => escaped + "%",
            _ => "%" + escaped,
        };
    }

    /// <summary>Writes <c>subject LIKE pattern</c>: the pattern computed from the search value, or the search itself.</summary>
    private static void WriteLike(ExprWriter writer, Expr subject, bool ignoreCase, Func<Expr, object?>? pattern, Expr search)
    {
        writer.Sql.Append('(');
        writer.Write(subject, Text);
        writer.Sql.Append(ignoreCase ? " ILIKE " : " LIKE ");
        if (pattern is not null)
        {
            // Not shared with the search value's own placeholder: the pattern is a different value.
            writer.Sql.Parameter(search, Text, pattern, share: false);
        }
        else
        {
            writer.Write(search, Text);
        }

        writer.Sql.Append(')');
    }

    private static void Operand(ExprWriter writer, Expr operand, bool lower)
    {
        writer.Sql.Append(lower ? "lower(" : "(");
        writer.Write(operand, Text);
        writer.Sql.Append(')');
    }
}
