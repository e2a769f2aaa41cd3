using Ashlar.Postgres.Sql.Text;
using Npgsql;

namespace Ashlar.Postgres.Migrations.Running;

/// <summary>The history table: one row per applied migration, with the checksum of what it ran.</summary>
internal sealed class MigrationHistory(MigrationRunnerOptions options)
{
    private readonly string _table = SqlIdentifier.Qualified(options.HistorySchema, options.HistoryTable);

    public string CreateSql => $"""
        CREATE TABLE IF NOT EXISTS {_table} (
          version text PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now(),
          checksum text NOT NULL
        )
        """;

    /// <summary>Creates the history table when missing; called under the lock, and tolerant of runners that do not take it.</summary>
    public async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (options.HistorySchema != "public")
        {
            await ExecuteTolerantAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {SqlIdentifier.Quote(options.HistorySchema)}", cancellationToken).ConfigureAwait(false);
        }

        await ExecuteTolerantAsync(connection, CreateSql, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AppliedMigration>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection) { Parameters = { new() { Value = _table } } };
        await using (exists.ConfigureAwait(false))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return [];
            }
        }

        var command = new NpgsqlCommand($"SELECT version, name, applied_at, checksum FROM {_table} ORDER BY version", connection);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<AppliedMigration>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(new AppliedMigration(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
                }

                return rows;
            }
        }
    }

    public NpgsqlCommand Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, MigrationFile migration) =>
        new($"INSERT INTO {_table} (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction)
        {
            Parameters = { new() { Value = migration.Version }, new() { Value = migration.Name }, new() { Value = MigrationChecksum.Compute(migration) } },
        };

    public NpgsqlCommand Delete(NpgsqlConnection connection, NpgsqlTransaction? transaction, MigrationFile migration) =>
        new($"DELETE FROM {_table} WHERE version = $1", connection, transaction) { Parameters = { new() { Value = migration.Version } } };

    private static async Task ExecuteTolerantAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        try
        {
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation
            or PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.DuplicateSchema)
        {
            // IF NOT EXISTS is not race-free in PostgreSQL: a concurrent creator makes it fail instead of skip.
        }
    }
}
