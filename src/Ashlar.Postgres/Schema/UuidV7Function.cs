using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Sql.Text;

namespace Ashlar.Postgres.Schema;

/// <summary>
/// The database default of a UUID v7 key: PostgreSQL 18's native <c>uuidv7()</c> when the repo's minimum version has it,
/// otherwise <c>ashlar_uuid_v7()</c>, a SQL function the migrations install in the table's schema.
/// </summary>
internal static class UuidV7Function
{
    public const string Name = "ashlar_uuid_v7";

    /// <summary>The default expression for a v7 key of a table in <paramref name="schema"/>.</summary>
    public static string Default(string schema, Version minimum) =>
        PostgresCapabilities.Of(minimum).Has(PostgresFeature.NativeUuidV7) ? "uuidv7()" : Qualified(schema) + "()";

    /// <summary>The schema-qualified name the migrations install, e.g. <c>helpdesk.ashlar_uuid_v7</c>, when a default calls it.</summary>
    public static string? InstalledBy(string schema, string? defaultSql) =>
        defaultSql == Qualified(schema) + "()" ? schema + "." + Name : null;

    /// <summary>
    /// A v4 UUID from <c>gen_random_uuid()</c> whose first 48 bits become the Unix time in milliseconds and whose version
    /// nibble becomes 7 (bits 52 and 53 set); the variant bits of v4 are already those of v7 (RFC 9562).
    /// </summary>
    public static string Create(string qualifiedName) => $"""
        CREATE OR REPLACE FUNCTION {QuotedName(qualifiedName)}() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
          SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
            PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
            52, 1), 53, 1), 'hex')::uuid
        $$
        """;

    public static string Drop(string qualifiedName) => $"DROP FUNCTION IF EXISTS {QuotedName(qualifiedName)}()";

    private static string Qualified(string schema) => SqlIdentifier.Quote(schema) + "." + Name;

    private static string QuotedName(string qualifiedName)
    {
        var dot = qualifiedName.LastIndexOf('.');
        return SqlIdentifier.Quote(qualifiedName[..dot]) + "." + SqlIdentifier.Quote(qualifiedName[(dot + 1)..]);
    }
}
