namespace Ashlar.Postgres.Schema;

/// <summary>The default names of constraints and indexes Ashlar creates.</summary>
internal static class SchemaNames
{
    public static string ForeignKey(string table, IEnumerable<string> columns) => $"{table}_{string.Join("_", columns)}_fkey";

    public static string PrimaryKey(string table) => $"{table}_pkey";

    public static string IdentityIndex(string table, string identity) => $"{table}_{identity}_index";

    public static string Index(string table, IEnumerable<string> columns) => $"{table}_{string.Join("_", columns)}_index";
}
