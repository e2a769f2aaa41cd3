using System.Diagnostics;
using Npgsql;

namespace Ashlar.Postgres.Migrations.Running;

/// <summary>Rolling back: the newest applied migrations' down parts, newest first.</summary>
public sealed partial class MigrationRunner
{
    /// <summary>
    /// Rolls back applied migrations, newest first, each one's down part in a transaction with the removal of its
    /// history row. Every migration to roll back is checked first: if one is irreversible or has no file, nothing is
    /// touched.
    /// </summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="migrations">All migrations of the repo (their down parts are what runs).</param>
    /// <param name="target">How many steps, or down to which version.</param>
    /// <param name="cancellationToken">Cancels waiting and the running statement.</param>
    /// <returns>The migrations rolled back, newest first.</returns>
    /// <exception cref="IrreversibleMigrationException">A migration to roll back is irreversible; nothing was rolled back.</exception>
    /// <exception cref="MigrationException">A migration to roll back has no file, or the target version is unknown.</exception>
    /// <exception cref="MigrationStatementException">A down statement failed; the newer migrations stay rolled back.</exception>
    public async Task<RollbackResult> RollbackAsync(NpgsqlDataSource dataSource, IReadOnlyList<MigrationFile> migrations, RollbackTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(target);
        var files = Ordered(migrations).ToDictionary(m => m.Version, StringComparer.Ordinal);
        var done = new List<MigrationFile>();
        var connection = await OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var migrationLock = await MigrationLock.AcquireAsync(connection, Options, _logger, cancellationToken).ConfigureAwait(false);
            try
            {
                var applied = await _history.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
                var plan = Plan(applied, files, target);
                var executor = new MigrationExecutor(connection, _history, _logger);
                foreach (var migration in plan)
                {
                    var clock = Stopwatch.StartNew();
                    await executor.DownAsync(migration, cancellationToken).ConfigureAwait(false);
                    MigrationLog.RolledBack(_logger, migration.FileName, clock.ElapsedMilliseconds);
                    done.Add(migration);
                }

                return new RollbackResult(done, migrationLock.Waited);
            }
            finally
            {
                await migrationLock.ReleaseAsync().ConfigureAwait(false);
                if (done.Count > 0)
                {
                    await dataSource.ReloadTypesAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
    }

    internal static List<MigrationFile> Plan(IReadOnlyList<AppliedMigration> applied, Dictionary<string, MigrationFile> files, RollbackTarget target)
    {
        var newestFirst = applied.OrderByDescending(a => a.Version, StringComparer.Ordinal).ToList();
        IEnumerable<AppliedMigration> chosen;
        if (target.StepCount is { } steps)
        {
            chosen = newestFirst.Take(steps);
        }
        else
        {
            var version = target.Version!;
            if (version != "0" && !files.ContainsKey(version) && applied.All(a => a.Version != version))
            {
                throw new MigrationException($"No migration has the version {version}; use one listed by status, or 0 to roll back everything.");
            }

            chosen = newestFirst.TakeWhile(a => string.CompareOrdinal(a.Version, version) > 0);
        }

        var plan = new List<MigrationFile>();
        foreach (var row in chosen)
        {
            if (!files.TryGetValue(row.Version, out var file))
            {
                throw new MigrationException(
                    $"Cannot roll back {row.Version}_{row.Name}: the database applied it but its file is gone, so its down part is unknown. Nothing was rolled back.");
            }

            if (file.IrreversibleReason is not null)
            {
                throw new IrreversibleMigrationException(file);
            }

            plan.Add(file);
        }

        return plan;
    }
}
