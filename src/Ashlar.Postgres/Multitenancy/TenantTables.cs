namespace Ashlar.Postgres.Multitenancy;

/// <summary>
/// How a schema-per-tenant table is named in a statement: qualified by a placeholder schema, so the compiled (and
/// cached) text is the same for every tenant, and the tenant's quoted schema is written in just before the statement
/// is sent (<see cref="Bind"/>). Every tenant table is therefore schema-qualified on the server: a tenant's schema that
/// lacks a table is an error, never a fall-through along the search path to a table of the same name in <c>public</c>,
/// and no statement needs the search path changed (which would also re-plan every prepared statement).
/// </summary>
internal static class TenantTables
{
    /// <summary>
    /// The placeholder schema. A NUL cannot appear in PostgreSQL text or identifiers, so it cannot collide with
    /// anything else in a statement, and a statement sent without <see cref="Bind"/> fails instead of running.
    /// </summary>
    public const string Schema = "\0tenant\0";

    /// <summary>A tenant table: the placeholder schema and the quoted table name.</summary>
    /// <param name="quotedTable">The table's quoted name.</param>
    public static string Name(string quotedTable) => Schema + "." + quotedTable;

    /// <summary>The statement for <paramref name="tenant"/>: its quoted name in place of every placeholder.</summary>
    /// <param name="text">A statement holding <see cref="Schema"/>.</param>
    /// <param name="tenant">The tenant, already a valid tenant name (letters, digits, <c>_</c>, <c>-</c>); quoted anyway.</param>
    public static string Bind(string text, string tenant) =>
        text.Replace(Schema, "\"" + tenant.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", StringComparison.Ordinal);
}
