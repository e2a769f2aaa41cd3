using Ashlar.Errors;
using Ashlar.Expressions;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary>
/// A developer's SQL fragment: each <c>?</c> is replaced by the next argument (a parameter or a column), <c>\?</c>
/// is a literal question mark. The text itself is a constant from the developer's code.
/// </summary>
internal static class FragmentSql
{
    public static void Write(ExprWriter writer, FragmentExpr fragment)
    {
        var text = fragment.Sql;
        var next = 0;
        writer.Sql.Append('(');
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '?')
            {
                writer.Sql.Append('?');
                i++;
            }
            else if (text[i] == '?')
            {
                if (next >= fragment.Arguments.Count)
                {
                    throw TooFew(fragment);
                }

                writer.Write(fragment.Arguments[next++]);
            }
            else
            {
                writer.Sql.Append(text[i]);
            }
        }

        writer.Sql.Append(')');
        if (next != fragment.Arguments.Count)
        {
            throw TooFew(fragment);
        }
    }

    private static AshlarException TooFew(FragmentExpr fragment) =>
        AshlarException.From(new InvalidFilterReference(
            $"the fragment \"{fragment.Sql}\" has a different number of ? placeholders than its {fragment.Arguments.Count} argument(s)"));
}
