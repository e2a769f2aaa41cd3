using System.Diagnostics;
using Ashlar.Postgres.Migrations.Running;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ashlar.Postgres.Migrations.Tenants;

/// <summary>One worker of a tenant run: one connection, kept for every tenant it takes, reopened after a broken one.</summary>
internal sealed class TenantWorker(NpgsqlDataSource dataSource, MigrationRunnerOptions runnerOptions, ILogger logger) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    public Task<TenantResult> MigrateAsync(string tenant, List<MigrationFile> files, CancellationToken cancellationToken) =>
        GuardAsync(tenant, async (connection, options, clock, state) =>
        {
            var history = new MigrationHistory(options);
            var applied = await history.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
            state.From = state.To = Newest(applied);
            if (Pending(files, applied).Count == 0 && !HasChanged(files, applied, options))
            {
                return new TenantResult(tenant, state.From, state.To, TenantStatus.UpToDate, null, clock.ElapsedMilliseconds, 0);
            }

            var migrationLock = await MigrationLock.AcquireAsync(connection, options, logger, cancellationToken).ConfigureAwait(false);
            try
            {
                await history.EnsureAsync(connection, cancellationToken).ConfigureAwait(false);
                applied = await history.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
                state.From = state.To = Newest(applied);
                if (HasChanged(files, applied, options))
                {
                    throw new MigrationException("an applied tenant migration changed since it was applied and checksums are strict (--strict)");
                }

                var executor = new MigrationExecutor(connection, history, logger, s => TenantSchema.Bind(s, tenant));
                var count = 0;
                foreach (var migration in Pending(files, applied))
                {
                    await executor.UpAsync(migration, state.To, cancellationToken).ConfigureAwait(false);
                    state.To = migration.Version;
                    count++;
                }

                return new TenantResult(tenant, state.From, state.To, count == 0 ? TenantStatus.UpToDate : TenantStatus.Done, null, clock.ElapsedMilliseconds, count);
            }
            finally
            {
                await migrationLock.ReleaseAsync().ConfigureAwait(false);
            }
        }, cancellationToken);

    public Task<TenantResult> RollbackAsync(string tenant, List<MigrationFile> files, RollbackTarget target, CancellationToken cancellationToken) =>
        GuardAsync(tenant, async (connection, options, clock, state) =>
        {
            var history = new MigrationHistory(options);
            var migrationLock = await MigrationLock.AcquireAsync(connection, options, logger, cancellationToken).ConfigureAwait(false);
            try
            {
                var applied = await history.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
                state.From = state.To = Newest(applied);
                var plan = MigrationRunner.Plan(applied, files.ToDictionary(f => f.Version, StringComparer.Ordinal), target);
                var executor = new MigrationExecutor(connection, history, logger, s => TenantSchema.Bind(s, tenant));
                var remaining = applied.Select(a => a.Version).ToList();
                foreach (var migration in plan)
                {
                    await executor.DownAsync(migration, cancellationToken).ConfigureAwait(false);
                    remaining.Remove(migration.Version);
                    state.To = remaining.Count == 0 ? "0" : remaining.Max(StringComparer.Ordinal)!;
                }

                return new TenantResult(tenant, state.From, state.To, plan.Count == 0 ? TenantStatus.UpToDate : TenantStatus.Done, null, clock.ElapsedMilliseconds, plan.Count);
            }
            finally
            {
                await migrationLock.ReleaseAsync().ConfigureAwait(false);
            }
        }, cancellationToken);

    public Task<TenantResult> StatusAsync(string tenant, List<MigrationFile> files, CancellationToken cancellationToken) =>
        GuardAsync(tenant, async (connection, options, clock, state) =>
        {
            var applied = await new MigrationHistory(options).ReadAsync(connection, cancellationToken).ConfigureAwait(false);
            state.From = state.To = Newest(applied);
            var pending = Pending(files, applied);
            var newest = files.Count == 0 ? state.From : files[^1].Version;
            return new TenantResult(tenant, state.From, string.CompareOrdinal(newest, state.From) > 0 ? newest : state.From,
                pending.Count == 0 ? TenantStatus.UpToDate : TenantStatus.Pending, null, clock.ElapsedMilliseconds, pending.Count);
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<TenantResult> GuardAsync(
        string tenant, Func<NpgsqlConnection, MigrationRunnerOptions, Stopwatch, Progress, Task<TenantResult>> work, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var state = new Progress();
        if (TenantSchema.Problem(tenant) is { } problem)
        {
            return new TenantResult(tenant, null, null, TenantStatus.Failed, $"the tenant name {problem}; nothing was run (InvalidTenant)", 0, 0);
        }

        try
        {
            _connection ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(_connection, runnerOptions with { HistorySchema = tenant }, clock, state).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MigrationException or NpgsqlException or OperationCanceledException or TimeoutException)
        {
            if (e is not MigrationStatementException and not MigrationLockTimeoutException || _connection is { State: not System.Data.ConnectionState.Open })
            {
                // A broken or cancelled connection is not reused for the next tenant.
                await DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }

            var at = state.To is null ? "" : $" The tenant is at version {state.To}.";
            var message = e is OperationCanceledException ? "cancelled; the running migration was rolled back." : e.Message;
            return new TenantResult(tenant, state.From, state.To, TenantStatus.Failed, message + at, clock.ElapsedMilliseconds, 0);
        }
    }

    private Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        MigrationRunner.OpenRunnerConnectionAsync(dataSource, runnerOptions.ApplicationName, cancellationToken);

    private static string Newest(IReadOnlyList<AppliedMigration> applied) => applied.Count == 0 ? "0" : applied[^1].Version;

    private static List<MigrationFile> Pending(List<MigrationFile> files, IReadOnlyList<AppliedMigration> applied)
    {
        var done = applied.Select(a => a.Version).ToHashSet(StringComparer.Ordinal);
        return files.Where(f => !done.Contains(f.Version)).ToList();
    }

    private static bool HasChanged(List<MigrationFile> files, IReadOnlyList<AppliedMigration> applied, MigrationRunnerOptions options)
    {
        if (!options.StrictChecksums)
        {
            return false;
        }

        var recorded = applied.ToDictionary(a => a.Version, a => a.Checksum, StringComparer.Ordinal);
        return files.Any(f => recorded.TryGetValue(f.Version, out var sum) && sum != MigrationChecksum.Compute(f));
    }

    /// <summary>Where the tenant stands while its work runs, so a failure can say so.</summary>
    private sealed class Progress
    {
        public string? From { get; set; }

        public string? To { get; set; }
    }
}
