namespace Ashlar.Postgres.Schema;

/// <summary>Brings a PostgreSQL type name to one spelling: lower case, aliases resolved (<c>int4</c> is <c>integer</c>).</summary>
internal static class TypeNames
{
    private static readonly Dictionary<string, string> TypeAliases = new(StringComparer.Ordinal)
    {
        ["int"] = "integer",
        ["int4"] = "integer",
        ["int8"] = "bigint",
        ["int2"] = "smallint",
        ["bool"] = "boolean",
        ["varchar"] = "character varying",
        ["decimal"] = "numeric",
        ["float8"] = "double precision",
        ["float4"] = "real",
        ["timestamptz"] = "timestamp with time zone",
        ["timestamp"] = "timestamp without time zone",
        ["time"] = "time without time zone",
        ["timetz"] = "time with time zone",
    };

    public static string Normalize(string type)
    {
        var text = type.Trim().ToLowerInvariant();
        var paren = text.IndexOf('(', StringComparison.Ordinal);
        var head = paren < 0 ? text.TrimEnd('[', ']') : text[..paren];
        var tail = paren < 0 ? text[head.Length..] : text[paren..];
        return (TypeAliases.GetValueOrDefault(head.Trim()) ?? head.Trim()) + tail.Replace(" ", "", StringComparison.Ordinal);
    }
}
