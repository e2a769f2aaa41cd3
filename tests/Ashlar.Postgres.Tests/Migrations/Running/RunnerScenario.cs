using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Running;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.Migrations.Running;

/// <summary>
/// One test's corner of a shared database: its own schema, history table inside it (so its own lock key),
/// and helpers to write migrations and look at the catalog.
/// </summary>
internal sealed class RunnerScenario(NpgsqlDataSource dataSource)
{
    private int _next;

    public string Schema { get; } = "s_" + Guid.NewGuid().ToString("N")[..10];

    public NpgsqlDataSource DataSource => dataSource;

    public MigrationRunnerOptions Options => new()
    {
        HistorySchema = Schema,
        LockTimeout = TimeSpan.FromSeconds(10),
        LockPollInterval = TimeSpan.FromMilliseconds(50),
    };

    public MigrationRunner Runner(MigrationRunnerOptions? options = null) => new(options ?? Options);

    /// <summary>A migration with the next version; statements may use {s} for the scenario's schema.</summary>
    public MigrationFile Migration(string name, string[] up, string[] down, bool transactional = true, string? irreversible = null)
    {
        _next++;
        return new MigrationFile
        {
            Version = $"2026010100{_next:0000}",
            Name = name,
            Up = up.Select(Expand).ToList(),
            Down = down.Select(Expand).ToList(),
            Transactional = transactional,
            IrreversibleReason = irreversible,
        };
    }

    /// <summary>Creates table t{n} with an id column; down drops it.</summary>
    public MigrationFile CreateTable(int n) =>
        Migration($"create_t{n}", [$"CREATE TABLE {{s}}.t{n} (id bigint PRIMARY KEY)"], [$"DROP TABLE {{s}}.t{n}"]);

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = dataSource.CreateCommand(Expand(sql));
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is null or DBNull ? default : (T?)value;
    }

    public async Task<List<string>> HistoryAsync()
    {
        await using var command = dataSource.CreateCommand(Expand("SELECT version || '_' || name FROM {s}.ashlar_schema_migrations ORDER BY version"));
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public async Task<bool> TableExistsAsync(string table) =>
        await ScalarAsync<bool>($"SELECT to_regclass('{{s}}.{table}') IS NOT NULL");

    public string Expand(string sql) => sql.Replace("{s}", Schema, StringComparison.Ordinal);
}
