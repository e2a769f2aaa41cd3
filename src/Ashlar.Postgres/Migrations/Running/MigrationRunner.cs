using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Ashlar.Postgres.Migrations.Running;

/// <summary>
/// Applies and rolls back migration files against a database, recording them in a history table.
/// </summary>
/// <remarks>
/// <para>Every run uses one connection for everything: it takes a session-level advisory lock on it (polling,
/// outside any transaction), re-reads the history under the lock, then runs each migration in its own
/// transaction together with its history row — or statement by statement for a migration marked
/// <c>no-transaction</c>. Two deployers started together therefore apply each migration exactly once: the second
/// waits, then finds nothing left to do, or fails with <see cref="MigrationLockTimeoutException"/>.</para>
/// <para>A failing migration leaves the database at the last migration that succeeded and raises
/// <see cref="MigrationStatementException"/>. Thread-safe: a runner holds no state between calls.</para>
/// </remarks>
public sealed partial class MigrationRunner
{
    private readonly ILogger _logger;
    private readonly MigrationHistory _history;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">History table, lock timeout and checksum strictness; defaults when null.</param>
    /// <param name="logger">Where progress and warnings go; nowhere when null.</param>
    public MigrationRunner(MigrationRunnerOptions? options = null, ILogger? logger = null)
    {
        Options = options ?? new MigrationRunnerOptions();
        _logger = logger ?? NullLogger.Instance;
        _history = new MigrationHistory(Options);
    }

    /// <summary>The options this runner was created with.</summary>
    public MigrationRunnerOptions Options { get; }

    /// <summary>Applies every migration of <paramref name="migrations"/> the database has not applied yet, oldest first.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="migrations">All migrations of the repo, e.g. from <see cref="MigrationDirectory.LoadAsync"/>.</param>
    /// <param name="cancellationToken">Cancels waiting and the running statement; a cancelled migration is rolled back.</param>
    /// <returns>The migrations applied by this call and how long it waited for the lock.</returns>
    /// <exception cref="MigrationLockTimeoutException">Another deployer kept the lock past <see cref="MigrationRunnerOptions.LockTimeout"/>.</exception>
    /// <exception cref="MigrationStatementException">A statement failed; the earlier migrations stay applied.</exception>
    /// <exception cref="MigrationChecksumException">Strict mode, and an applied migration's file changed.</exception>
    public async Task<MigrateResult> MigrateAsync(NpgsqlDataSource dataSource, IReadOnlyList<MigrationFile> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var files = Ordered(migrations);
        var done = new List<MigrationFile>();
        var connection = await OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var migrationLock = await MigrationLock.AcquireAsync(connection, Options, _logger, cancellationToken).ConfigureAwait(false);
            try
            {
                await _history.EnsureAsync(connection, cancellationToken).ConfigureAwait(false);
                var applied = await _history.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
                var changed = ChangedFiles(files, applied);
                if (changed.Count > 0 && Options.StrictChecksums)
                {
                    throw new MigrationChecksumException(changed);
                }

                var appliedVersions = applied.Select(a => a.Version).ToHashSet(StringComparer.Ordinal);
                var newest = applied.Count == 0 ? "0" : applied[^1].Version;
                var lastGood = newest;
                var executor = new MigrationExecutor(connection, _history, _logger);
                foreach (var migration in files.Where(m => !appliedVersions.Contains(m.Version)))
                {
                    if (string.CompareOrdinal(migration.Version, newest) < 0)
                    {
                        MigrationLog.OutOfOrder(_logger, migration.FileName, newest);
                    }

                    MigrationLog.Applying(_logger, migration.FileName);
                    var clock = Stopwatch.StartNew();
                    await executor.UpAsync(migration, lastGood, cancellationToken).ConfigureAwait(false);
                    MigrationLog.Applied(_logger, migration.FileName, clock.ElapsedMilliseconds);
                    done.Add(migration);
                    lastGood = migration.Version;
                }

                return new MigrateResult(done, migrationLock.Waited, changed);
            }
            finally
            {
                await migrationLock.ReleaseAsync().ConfigureAwait(false);
                if (done.Count > 0)
                {
                    // Migrations may have created enums or extensions the data source must learn about.
                    await dataSource.ReloadTypesAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Lists every migration with its state: applied, pending, changed since applied, or applied without a file.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="migrations">All migrations of the repo.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One entry per version, oldest first.</returns>
    public async Task<IReadOnlyList<MigrationStatusEntry>> StatusAsync(NpgsqlDataSource dataSource, IReadOnlyList<MigrationFile> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var files = Ordered(migrations).ToDictionary(m => m.Version, StringComparer.Ordinal);
        IReadOnlyList<AppliedMigration> applied;
        var connection = await OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            applied = await _history.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        var entries = applied.Select(a => files.TryGetValue(a.Version, out var file)
                ? new MigrationStatusEntry(a.Version, file.Name, MigrationChecksum.Compute(file) == a.Checksum ? MigrationState.Applied : MigrationState.Changed, a.AppliedAt, file.Dev)
                : new MigrationStatusEntry(a.Version, a.Name, MigrationState.FileMissing, a.AppliedAt, a.Name.StartsWith("dev_", StringComparison.Ordinal)))
            .ToList();
        var appliedVersions = applied.Select(a => a.Version).ToHashSet(StringComparer.Ordinal);
        entries.AddRange(files.Values.Where(f => !appliedVersions.Contains(f.Version))
            .Select(f => new MigrationStatusEntry(f.Version, f.Name, MigrationState.Pending, null, f.Dev)));
        return entries.OrderBy(e => e.Version, StringComparer.Ordinal).ToList();
    }

    internal static List<MigrationFile> Ordered(IReadOnlyList<MigrationFile> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two migrations share the version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.FileName))}.", nameof(migrations));
        }

        return migrations.OrderBy(m => m.Version, StringComparer.Ordinal).ToList();
    }

    private List<MigrationFile> ChangedFiles(List<MigrationFile> files, IReadOnlyList<AppliedMigration> applied)
    {
        var recorded = applied.ToDictionary(a => a.Version, StringComparer.Ordinal);
        var changed = new List<MigrationFile>();
        foreach (var file in files)
        {
            if (recorded.TryGetValue(file.Version, out var row) && MigrationChecksum.Compute(file) is var current && current != row.Checksum)
            {
                MigrationLog.ChecksumChanged(_logger, file.FileName, row.Checksum, current);
                changed.Add(file);
            }
        }

        return changed;
    }

    private Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        OpenRunnerConnectionAsync(dataSource, Options.ApplicationName, cancellationToken);

    /// <summary>A dedicated connection for a migration runner (the global one or a tenant worker), named in pg_stat_activity.</summary>
    internal static async Task<NpgsqlConnection> OpenRunnerConnectionAsync(NpgsqlDataSource dataSource, string applicationName, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // client_connection_check_interval (PostgreSQL 14+) makes the server cancel a dead runner's statement
            // promptly, which rolls it back and frees the lock; the session settings go when the pool resets it.
            var sql = connection.PostgreSqlVersion.Major >= 14
                ? "SELECT set_config('application_name', $1, false), set_config('client_connection_check_interval', '1s', false)"
                : "SELECT set_config('application_name', $1, false)";
            var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = applicationName } } };
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
