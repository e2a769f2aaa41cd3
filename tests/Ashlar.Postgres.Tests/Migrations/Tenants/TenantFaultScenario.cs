using Ashlar.Postgres.Migrations;
using Npgsql;

namespace Ashlar.Postgres.Tests.Migrations.Tenants;

/// <summary>
/// Five tenant migrations and a fault that breaks the third in one tenant: a table <c>tags</c> planted in its schema
/// makes migration 3's second statement fail, so its first (a new column) must roll back with it. Shared with the
/// tenant benchmark in bench/, which runs the same scenario at 1,000 tenants.
/// </summary>
internal static class TenantFaultScenario
{
    public static readonly IReadOnlyList<MigrationFile> Migrations =
    [
        File("20260101000001", "create_tickets",
            ["CREATE TABLE \"{tenant}\".\"tickets\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \"title\" text NOT NULL)"],
            ["DROP TABLE \"{tenant}\".\"tickets\""]),
        File("20260101000002", "create_comments",
            ["CREATE TABLE \"{tenant}\".\"comments\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \"ticket_id\" bigint NOT NULL REFERENCES \"{tenant}\".\"tickets\" (\"id\"), \"body\" text NOT NULL)"],
            ["DROP TABLE \"{tenant}\".\"comments\""]),
        File("20260101000003", "add_priority_and_tags",
            ["ALTER TABLE \"{tenant}\".\"tickets\" ADD COLUMN \"priority\" integer NOT NULL DEFAULT 0",
             "CREATE TABLE \"{tenant}\".\"tags\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \"name\" text NOT NULL)"],
            ["DROP TABLE \"{tenant}\".\"tags\"", "ALTER TABLE \"{tenant}\".\"tickets\" DROP COLUMN \"priority\""]),
        File("20260101000004", "index_priority",
            ["CREATE INDEX \"tickets_priority_index\" ON \"{tenant}\".\"tickets\" (\"priority\")"],
            ["DROP INDEX \"{tenant}\".\"tickets_priority_index\""]),
        File("20260101000005", "add_comment_time",
            ["ALTER TABLE \"{tenant}\".\"comments\" ADD COLUMN \"inserted_at\" timestamptz NOT NULL DEFAULT now()"],
            ["ALTER TABLE \"{tenant}\".\"comments\" DROP COLUMN \"inserted_at\""]),
    ];

    public static string Newest => Migrations[^1].Version;

    public static string Tenant(int number) => $"tenant_{number:D4}";

    public static IReadOnlyList<string> Tenants(int count) => Enumerable.Range(1, count).Select(Tenant).ToList();

    /// <summary>Plants the fault: the tenant's schema already has a <c>tags</c> table, so migration 3 cannot create it.</summary>
    public static Task PlantFaultAsync(NpgsqlDataSource dataSource, string tenant, CancellationToken ct) =>
        ExecuteAsync(dataSource, $"CREATE SCHEMA {Quote(tenant)}; CREATE TABLE {Quote(tenant)}.\"tags\" (\"planted\" int)", ct);

    public static Task RemoveFaultAsync(NpgsqlDataSource dataSource, string tenant, CancellationToken ct) =>
        ExecuteAsync(dataSource, $"DROP TABLE {Quote(tenant)}.\"tags\"", ct);

    /// <summary>Every tenant schema's newest applied version, by schema, read from the catalog and the history tables.</summary>
    public static async Task<Dictionary<string, string>> VersionsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var schemas = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'ashlar_schema_migrations' AND n.nspname LIKE 'tenant\\_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                schemas.Add(reader.GetString(0));
            }
        }

        foreach (var schema in schemas)
        {
            await using var max = new NpgsqlCommand($"SELECT coalesce(max(version), '0') FROM {Quote(schema)}.\"ashlar_schema_migrations\"", connection);
            versions[schema] = (string)(await max.ExecuteScalarAsync(ct))!;
        }

        return versions;
    }

    /// <summary>Whether a column exists, read from the catalog.</summary>
    public static async Task<bool> ColumnExistsAsync(NpgsqlDataSource dataSource, string schema, string table, string column, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE n.nspname = $1 AND c.relname = $2 AND a.attname = $3 AND NOT a.attisdropped)");
        command.Parameters.Add(new() { Value = schema });
        command.Parameters.Add(new() { Value = table });
        command.Parameters.Add(new() { Value = column });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static MigrationFile File(string version, string name, string[] up, string[] down) =>
        new() { Version = version, Name = name, Up = up, Down = down };

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
