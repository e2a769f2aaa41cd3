using System.Globalization;
using Ashlar.Types;

namespace Ashlar.Postgres.Schema;

/// <summary>Renders values as SQL literals, for DDL (defaults) where parameters are impossible.</summary>
internal static class SqlLiteral
{
    public static string Render(object value) => value switch
    {
        string s => Quote(s),
        bool b => b ? "true" : "false",
        Enum e => Quote(EnumNames.ToStored(e)),
        Guid g => Quote(g.ToString()),
        DateOnly d => Quote(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => Quote(t.ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture)),
        DateTimeOffset o => Quote(o.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF+00", CultureInfo.InvariantCulture)),
        DateTime d => Quote(d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Ashlar cannot write {value.GetType().Name} as a SQL literal.", nameof(value)),
    };

    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
