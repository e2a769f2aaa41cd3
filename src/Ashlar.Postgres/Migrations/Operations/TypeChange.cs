using Ashlar.Postgres.Schema;
namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>
/// What PostgreSQL does when a column changes from one type to another: whether a cast exists, whether the table is
/// rewritten (it is not when the change is binary-coercible, e.g. widening <c>varchar(n)</c>) and whether a value can be
/// lost. Types outside the built-in ones it knows are assumed castable, rewritten and lossy.
/// </summary>
internal sealed record TypeChange(string From, string To)
{
    private static readonly HashSet<string> Strings = new(StringComparer.Ordinal) { "text", "character varying", "character", "citext", "name" };

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "text", "character varying", "character", "citext", "name", "smallint", "integer", "bigint", "numeric", "real", "double precision",
        "money", "boolean", "uuid", "date", "time without time zone", "time with time zone", "timestamp without time zone",
        "timestamp with time zone", "interval", "json", "jsonb", "bytea", "inet", "cidr",
    };

    private static readonly string[] Numbers = ["smallint", "integer", "bigint", "numeric", "real", "double precision"];

    /// <summary>The casts of <c>pg_cast</c> between the known types other than the string types (which convert to and from anything).</summary>
    private static readonly HashSet<(string, string)> Casts = new(
        Numbers.SelectMany(a => Numbers.Where(b => b != a).Select(b => (a, b)))
            .Concat(Numbers.Where(n => n is "integer" or "bigint" or "numeric").Select(n => (n, "money")))
            .Concat(Numbers.Where(n => n != "numeric" && n != "money").Select(n => ("jsonb", n)))
            .Concat(
            [
                ("money", "numeric"), ("integer", "boolean"), ("boolean", "integer"), ("jsonb", "boolean"), ("jsonb", "numeric"), ("json", "jsonb"),
                ("jsonb", "json"), ("date", "timestamp without time zone"), ("date", "timestamp with time zone"),
                ("timestamp without time zone", "date"), ("timestamp without time zone", "time without time zone"),
                ("timestamp without time zone", "timestamp with time zone"), ("timestamp with time zone", "date"),
                ("timestamp with time zone", "time without time zone"), ("timestamp with time zone", "time with time zone"),
                ("timestamp with time zone", "timestamp without time zone"), ("time without time zone", "interval"),
                ("time without time zone", "time with time zone"), ("time with time zone", "time without time zone"),
                ("interval", "time without time zone"), ("inet", "cidr"), ("cidr", "inet"),
            ]));

    /// <summary>Conversions that keep every value (other than to a string type, which always does).</summary>
    private static readonly HashSet<(string, string)> Lossless = new(
    [
        ("smallint", "integer"), ("smallint", "bigint"), ("smallint", "real"), ("smallint", "double precision"), ("integer", "bigint"),
        ("integer", "double precision"), ("real", "double precision"), ("boolean", "integer"), ("jsonb", "json"), ("cidr", "inet"),
        ("date", "timestamp without time zone"), ("date", "timestamp with time zone"), ("timestamp without time zone", "timestamp with time zone"),
        ("time without time zone", "interval"),
    ]);

    /// <summary>Digits an integer type needs to the left of a numeric's point.</summary>
    private static readonly Dictionary<string, int> IntegerDigits = new(StringComparer.Ordinal) { ["smallint"] = 5, ["integer"] = 10, ["bigint"] = 19 };

    private PgType Old => PgType.Parse(From);

    private PgType New => PgType.Parse(To);

    /// <summary>True when <c>col::To</c> converts a value of <see cref="From"/> (or the types are unknown).</summary>
    public bool HasCast => CastExists(Old, New);

    /// <summary>True unless PostgreSQL can keep the table's files (a binary-coercible change).</summary>
    public bool Rewrites => !KeepsFiles(Old, New);

    /// <summary>True when some value of <see cref="From"/> cannot be kept as it is in <see cref="To"/> (the change fails or rounds).</summary>
    public bool MayLoseData => !KeepsValues(Old, New);

    private static bool CastExists(PgType from, PgType to)
    {
        if (!Known.Contains(from.Name) || !Known.Contains(to.Name) || (!from.Array && Strings.Contains(from.Name)) || (!to.Array && Strings.Contains(to.Name)))
        {
            return true;
        }

        return from.Array == to.Array && (from.Name == to.Name || Strings.Contains(from.Name) || Strings.Contains(to.Name) || Casts.Contains((from.Name, to.Name)));
    }

    private static bool KeepsFiles(PgType from, PgType to)
    {
        if (from.Array || to.Array || !from.Parsed || !to.Parsed)
        {
            return false;
        }

        var (a, b) = (from.Modifiers, to.Modifiers);
        return (from.Name, to.Name) switch
        {
            ("character varying", "character varying") => b.Count == 0 || (a.Count == 1 && b[0] >= a[0]),
            ("character varying", "text") or ("text", "character varying") => b.Count == 0,
            ("numeric", "numeric") => b.Count == 0 || (a.Count == 2 && b.Count == 2 && b[1] == a[1] && b[0] >= a[0]),
            _ => false,
        };
    }

    private static bool KeepsValues(PgType from, PgType to)
    {
        if (!from.Parsed || !to.Parsed || !Known.Contains(from.Name) || !Known.Contains(to.Name))
        {
            return false;
        }

        if (to.Name is "text" or "citext" || (to.Name == "character varying" && to.Modifiers.Count == 0))
        {
            return true;
        }

        if (from.Array != to.Array)
        {
            return false;
        }

        var (a, b) = (from.Modifiers, to.Modifiers);
        return (from.Name, to.Name) switch
        {
            ("character varying", "character varying") or ("character", "character") => a.Count == 1 && b.Count == 1 && b[0] >= a[0],
            ("numeric", "numeric") when b.Count == 0 => true,
            ("numeric", "numeric") => a.Count == 2 && b.Count == 2 && b[1] >= a[1] && b[0] - b[1] >= a[0] - a[1],
            (var i, "numeric") when IntegerDigits.TryGetValue(i, out var digits) => b.Count == 0 || (b.Count == 2 && b[0] - b[1] >= digits),
            var pair => Lossless.Contains(pair),
        };
    }

    /// <summary>A type as <c>format_type</c> prints it, split into its name, modifiers and array mark.</summary>
    private sealed record PgType(string Name, IReadOnlyList<int> Modifiers, bool Array, bool Parsed)
    {
        public static PgType Parse(string type)
        {
            var text = type.Trim().ToLowerInvariant();
            var array = text.EndsWith("[]", StringComparison.Ordinal);
            text = array ? text[..^2].TrimEnd() : text;
            var open = text.IndexOf('(', StringComparison.Ordinal);
            var close = text.IndexOf(')', StringComparison.Ordinal);
            if (open < 0 || close < open)
            {
                return new PgType(TypeNames.Normalize(text), [], array, Parsed: open < 0);
            }

            var name = TypeNames.Normalize(string.Join(' ', (text[..open] + " " + text[(close + 1)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            var modifiers = text[(open + 1)..close].Split(',').Select(m => int.TryParse(m.Trim(), out var n) ? n : -1).ToList();
            return new PgType(name, modifiers, array, Parsed: modifiers.All(m => m >= 0));
        }
    }
}
