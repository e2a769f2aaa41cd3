using System.Globalization;
using System.Text;
using Ashlar.Postgres.Sql.Statements;

namespace Ashlar.Postgres.Diagnostics;

/// <summary>A statement's parameters as log text: <c>$1='Acme', $2=3</c> with values, <c>$1=?, $2=?</c> without.</summary>
internal static class ParameterText
{
    private const int MaxValueLength = 200;

    public static string Of(CompiledStatement command, bool withValues)
    {
        var parameters = command.Parameters;
        if (parameters.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append('$').Append(i + 1).Append('=');
            if (withValues)
            {
                Append(text, parameters[i].Value);
            }
            else
            {
                text.Append('?');
            }
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                text.Append("NULL");
                break;
            case string s:
                text.Append('\'').Append(s.Length > MaxValueLength ? s[..MaxValueLength] + "…" : s).Append('\'');
                break;
            case byte[] bytes:
                text.Append('<').Append(bytes.Length).Append(" bytes>");
                break;
            case bool b:
                text.Append(b ? "TRUE" : "FALSE");
                break;
            case System.Collections.IEnumerable items:
                text.Append('{');
                var count = 0;
                foreach (var item in items)
                {
                    if (count++ > 0)
                    {
                        text.Append(", ");
                    }

                    if (count > 10)
                    {
                        text.Append('…');
                        break;
                    }

                    Append(text, item);
                }

                text.Append('}');
                break;
            case DateTime or DateTimeOffset or DateOnly or TimeOnly:
                text.Append('\'').Append(((IFormattable)value).ToString("O", CultureInfo.InvariantCulture)).Append('\'');
                break;
            case IFormattable formattable:
                text.Append('\'').Append(formattable.ToString(null, CultureInfo.InvariantCulture)).Append('\'');
                break;
            default:
                text.Append('\'').Append(value).Append('\'');
                break;
        }
    }
}
