using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ashlar.Postgres.Migrations.Running;

/// <summary>
/// Runs one migration's up or down part on the runner's connection: in one transaction with its history write,
/// or — for a migration marked <c>no-transaction</c> — statement by statement in autocommit, history last.
/// A tenant migration's statements go through <paramref name="bind"/>, which puts the tenant's quoted schema in
/// place of the placeholder; the history row keeps the checksum of the file as written.
/// </summary>
internal sealed class MigrationExecutor(NpgsqlConnection connection, MigrationHistory history, ILogger logger, Func<string, string>? bind = null)
{
    public Task UpAsync(MigrationFile migration, string lastGoodVersion, CancellationToken cancellationToken) =>
        RunAsync(migration, "up", migration.Up, lastGoodVersion, cancellationToken);

    public Task DownAsync(MigrationFile migration, CancellationToken cancellationToken) =>
        RunAsync(migration, "down", migration.Down, migration.Version, cancellationToken);

    private async Task RunAsync(MigrationFile migration, string part, IReadOnlyList<string> statements, string unchangedVersion, CancellationToken cancellationToken)
    {
        if (!migration.Transactional)
        {
            MigrationLog.NonTransactional(logger, migration.FileName);
            await RunStatementsAsync(migration, part, statements, null, unchangedVersion, cancellationToken).ConfigureAwait(false);
            return;
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await RunStatementsAsync(migration, part, statements, transaction, unchangedVersion, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunStatementsAsync(
        MigrationFile migration, string part, IReadOnlyList<string> statements, NpgsqlTransaction? transaction, string unchangedVersion, CancellationToken cancellationToken)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            if (transaction is null)
            {
                await InvalidIndexRepair.BeforeAsync(connection, bind is null ? statements[i] : bind(statements[i]), logger, cancellationToken).ConfigureAwait(false);
            }

            var command = new NpgsqlCommand(bind is null ? statements[i] : bind(statements[i]), connection, transaction);
            await ExecuteAsync(migration, part, i + 1, command, transaction, unchangedVersion, cancellationToken).ConfigureAwait(false);
        }

        var record = part == "up" ? history.Insert(connection, transaction, migration) : history.Delete(connection, transaction, migration);
        await ExecuteAsync(migration, part, statements.Count + 1, record, transaction, unchangedVersion, cancellationToken).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(
        MigrationFile migration, string part, int index, NpgsqlCommand command, NpgsqlTransaction? transaction, string unchangedVersion, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                MigrationLog.Failed(logger, e, migration.FileName, part, index);
                throw new MigrationStatementException(migration, part, index, command.CommandText, Outcome(part, index, command.CommandText, transaction, unchangedVersion), e);
            }
        }
    }

    private static string Outcome(string part, int index, string statement, NpgsqlTransaction? transaction, string unchangedVersion)
    {
        if (transaction is not null)
        {
            return $"Its transaction was rolled back: {At(unchangedVersion)}.";
        }

        var recorded = part == "up" ? "it is not recorded as applied" : "it is still recorded as applied";
        var outcome = index == 1
            ? $"It runs outside a transaction and {recorded}: {At(unchangedVersion)}."
            : $"It runs outside a transaction: its {part} statements 1 to {index - 1} stayed applied and {recorded}. " +
              "Fix the failing statement and make the earlier ones safe to re-run (IF NOT EXISTS / IF EXISTS) before running again.";
        return InvalidIndexRepair.IsConcurrentIndexBuild(statement)
            ? outcome + " A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind; the next run drops it and builds it again."
            : outcome;
    }

    private static string At(string version) =>
        version == "0" ? "the database still has no migration applied" : $"the database is still at version {version}";
}
