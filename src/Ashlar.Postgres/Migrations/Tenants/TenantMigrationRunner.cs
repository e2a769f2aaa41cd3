using System.Diagnostics;
using Ashlar.Postgres.Migrations.Running;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Ashlar.Postgres.Migrations.Tenants;

/// <summary>
/// Runs tenant migrations for many tenants: <c>migrate --tenants</c>, <c>rollback --tenants</c>, <c>status --tenants</c>.
/// </summary>
/// <remarks>
/// <para>Each tenant has its own history table in its own schema. <see cref="TenantRunOptions.Jobs"/> workers take
/// tenants from a shared queue, each on one connection of its own that it keeps for all its tenants. A tenant whose
/// history shows nothing pending costs two catalog reads and no lock. Otherwise the worker takes the tenant's
/// session-level advisory lock (the same polled, per-history-table lock as <see cref="MigrationRunner"/>, so a waiter
/// never blocks inside a transaction), re-reads the history under it, and applies each pending migration in its own
/// transaction together with its history row: a failure leaves that tenant at its last good version.</para>
/// <para>The lock is per tenant, not per run: tenants are independent schemas with independent histories, so two
/// runs (or a run and a tenant being created) serialize only on the tenant they share, and every (tenant, migration)
/// is still applied exactly once.</para>
/// <para>A failing tenant does not stop the others unless <see cref="TenantRunOptions.FailFast"/>; tenants never
/// started are reported as skipped, never as done. Thread-safe: a runner holds no state between calls.</para>
/// </remarks>
public sealed class TenantMigrationRunner
{
    private readonly ILogger _logger;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">Jobs, failure policy and runner options; defaults when null.</param>
    /// <param name="logger">Where per-migration progress and warnings go; nowhere when null.</param>
    public TenantMigrationRunner(TenantRunOptions? options = null, ILogger? logger = null)
    {
        Options = options ?? new TenantRunOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.Jobs, 1, nameof(options));
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The options this runner was created with.</summary>
    public TenantRunOptions Options { get; }

    /// <summary>Applies every pending tenant migration to every tenant of <paramref name="tenants"/>.</summary>
    /// <param name="dataSource">The database; at most <see cref="TenantRunOptions.Jobs"/> of its connections are used.</param>
    /// <param name="tenants">The tenants (schema names), e.g. from the repo's <c>AllTenants</c>; duplicates count once.</param>
    /// <param name="migrations">The tenant migration files, with the placeholder schema.</param>
    /// <param name="progress">Told about each tenant as it finishes; may be null.</param>
    /// <param name="cancellationToken">Stops taking tenants and cancels the running statements (rolled back).</param>
    /// <returns>One result per tenant; <see cref="TenantRunReport.Succeeded"/> is false when any failed or was skipped.</returns>
    /// <exception cref="MigrationException">A migration names the placeholder outside a quoted identifier; nothing ran.</exception>
    public Task<TenantRunReport> MigrateAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<string> tenants, IReadOnlyList<MigrationFile> migrations, IProgress<TenantResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var files = Prepare(migrations);
        return RunAsync("migrate", dataSource, tenants, (worker, tenant, ct) => worker.MigrateAsync(tenant, files, ct), progress, cancellationToken);
    }

    /// <summary>Rolls back tenant migrations in every tenant of <paramref name="tenants"/>, each tenant on its own.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="tenants">The tenants.</param>
    /// <param name="migrations">The tenant migration files (their down parts run).</param>
    /// <param name="target">How many steps, or down to which version, in every tenant.</param>
    /// <param name="progress">Told about each tenant as it finishes; may be null.</param>
    /// <param name="cancellationToken">Stops taking tenants and cancels the running statements.</param>
    /// <returns>One result per tenant.</returns>
    public Task<TenantRunReport> RollbackAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<string> tenants, IReadOnlyList<MigrationFile> migrations, RollbackTarget target,
        IProgress<TenantResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var files = Prepare(migrations);
        return RunAsync("rollback", dataSource, tenants, (worker, tenant, ct) => worker.RollbackAsync(tenant, files, target, ct), progress, cancellationToken);
    }

    /// <summary>Reports, per tenant, its newest applied version and how many migrations are pending; changes nothing.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="tenants">The tenants.</param>
    /// <param name="migrations">The tenant migration files.</param>
    /// <param name="progress">Told about each tenant as it finishes; may be null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One result per tenant: up to date or pending.</returns>
    public Task<TenantRunReport> StatusAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<string> tenants, IReadOnlyList<MigrationFile> migrations, IProgress<TenantResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var files = Prepare(migrations);
        return RunAsync("status", dataSource, tenants, (worker, tenant, ct) => worker.StatusAsync(tenant, files, ct), progress, cancellationToken);
    }

    private static List<MigrationFile> Prepare(IReadOnlyList<MigrationFile> migrations)
    {
        var files = MigrationRunner.Ordered(migrations);
        TenantSchema.CheckPlaceholders(files);
        return files;
    }

    private async Task<TenantRunReport> RunAsync(
        string operation, NpgsqlDataSource dataSource, IReadOnlyList<string> tenants, Func<TenantWorker, string, CancellationToken, Task<TenantResult>> work,
        IProgress<TenantResult>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(tenants);
        var clock = Stopwatch.StartNew();
        var list = tenants.Distinct(StringComparer.Ordinal).ToList();
        var results = new TenantResult?[list.Count];
        var next = -1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stoppedBy = (string?)null;

        async Task WorkerAsync()
        {
            var worker = new TenantWorker(dataSource, Options.Runner, _logger);
            await using (worker.ConfigureAwait(false))
            {
                while (!stop.IsCancellationRequested)
                {
                    var index = Interlocked.Increment(ref next);
                    if (index >= list.Count)
                    {
                        return;
                    }

                    // In-flight work gets the caller's token only: fail-fast stops taking tenants, it does not cut
                    // another tenant's migration short.
                    var result = await work(worker, list[index], cancellationToken).ConfigureAwait(false);
                    results[index] = result;
                    progress?.Report(result);
                    if (result.Status == TenantStatus.Failed && Options.FailFast)
                    {
                        Interlocked.CompareExchange(ref stoppedBy, result.Tenant, null);
                        await stop.CancelAsync().ConfigureAwait(false);
                    }
                }
            }
        }

        var workers = Enumerable.Range(0, Math.Min(Options.Jobs, Math.Max(list.Count, 1))).Select(_ => Task.Run(WorkerAsync, CancellationToken.None)).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var reason = stoppedBy is not null
            ? $"not started: the run stopped after tenant {stoppedBy} failed (--fail-fast)"
            : "not started: the run was cancelled";
        var report = list.Select((tenant, i) => results[i] ?? new TenantResult(tenant, null, null, TenantStatus.Skipped, reason, 0, 0)).ToList();
        return new TenantRunReport(operation, report, clock.Elapsed);
    }
}
