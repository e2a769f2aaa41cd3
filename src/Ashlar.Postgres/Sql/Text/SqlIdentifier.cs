namespace Ashlar.Postgres.Sql.Text;

/// <summary>Quotes identifiers. Every table, column and constraint name Ashlar writes into SQL goes through here.</summary>
internal static class SqlIdentifier
{
    public static string Quote(string identifier) =>
        "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Qualified(string schema, string name) => Quote(schema) + "." + Quote(name);

    public static string List(IEnumerable<string> identifiers) => string.Join(", ", identifiers.Select(Quote));
}
