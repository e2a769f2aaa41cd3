using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.LocalCluster;
using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Diffing;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Migrations.Running;
using Npgsql;

namespace Ashlar.Cli;

/// <summary>Runs the parsed commands against the application's domain, migration files and database.</summary>
internal sealed partial class CliHandler(DomainModel domain, CliOptions options) : ICliHandler
{
    private TextWriter Out => options.Output;

    public Task<int> MigrateAsync(MigrateRequest request, CancellationToken cancellationToken) => request.Tenants is null
        ? MigrateGlobalAsync(request, cancellationToken)
        : MigrateTenantsAsync(request, cancellationToken);

    public Task<int> RollbackAsync(RollbackRequest request, CancellationToken cancellationToken) => request.Tenants is null
        ? RollbackGlobalAsync(request, cancellationToken)
        : RollbackTenantsAsync(request, cancellationToken);

    public Task<int> StatusAsync(TenantRequest? tenants, CancellationToken cancellationToken) => tenants is null
        ? StatusGlobalAsync(cancellationToken)
        : StatusTenantsAsync(tenants, cancellationToken);

    private Task<int> MigrateGlobalAsync(MigrateRequest request, CancellationToken cancellationToken) =>
        WithDatabaseAsync(async (database, repo, files) =>
        {
            var runner = Runner(request.LockTimeout, request.StrictChecksums);
            if (files.Count == 0)
            {
                await Out.WriteLineAsync($"{repo.Name}: no migrations in {repo.Directory}; run codegen first.").ConfigureAwait(false);
                return 0;
            }

            await EnsureServerVersionAsync(database, repo, cancellationToken).ConfigureAwait(false);
            var result = await runner.MigrateAsync(database.DataSource, files, cancellationToken).ConfigureAwait(false);
            var waited = result.LockWait >= TimeSpan.FromSeconds(0.5) ? $" after waiting {result.LockWait.TotalSeconds:0.0} s for the migration lock" : "";
            await Out.WriteLineAsync(result.Applied.Count == 0
                ? $"{repo.Name}: up to date{waited}, nothing to apply."
                : $"{repo.Name}: applied {result.Applied.Count} migration(s){waited}: {string.Join(", ", result.Applied.Select(m => m.FileName))}.").ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    private Task<int> RollbackGlobalAsync(RollbackRequest request, CancellationToken cancellationToken) =>
        WithDatabaseAsync(async (database, repo, files) =>
        {
            var target = request.To is { } version ? RollbackTarget.To(version) : RollbackTarget.Steps(request.Step ?? 1);
            var result = await Runner(request.LockTimeout, strict: false).RollbackAsync(database.DataSource, files, target, cancellationToken).ConfigureAwait(false);
            await Out.WriteLineAsync(result.RolledBack.Count == 0
                ? $"{repo.Name}: nothing to roll back ({target})."
                : $"{repo.Name}: rolled back {result.RolledBack.Count} migration(s): {string.Join(", ", result.RolledBack.Select(m => m.FileName))}.").ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    private Task<int> StatusGlobalAsync(CancellationToken cancellationToken) =>
        WithDatabaseAsync(async (database, repo, files) =>
        {
            var status = await Runner(null, strict: false).StatusAsync(database.DataSource, files, cancellationToken).ConfigureAwait(false);
            await Out.WriteLineAsync($"{repo.Name} ({repo.Directory}):").ConfigureAwait(false);
            if (status.Count == 0)
            {
                await Out.WriteLineAsync("  no migrations.").ConfigureAwait(false);
            }

            var width = status.Count == 0 ? 0 : status.Max(e => e.Name.Length);
            foreach (var entry in status)
            {
                var (state, note) = entry.State switch
                {
                    MigrationState.Applied => ("applied", $"{entry.AppliedAt:yyyy-MM-dd HH:mm:ss}Z"),
                    MigrationState.Changed => ("changed", $"{entry.AppliedAt:yyyy-MM-dd HH:mm:ss}Z, file edited after it was applied"),
                    MigrationState.FileMissing => ("missing", $"{entry.AppliedAt:yyyy-MM-dd HH:mm:ss}Z, applied but its file is gone"),
                    _ => ("pending", ""),
                };
                await Out.WriteLineAsync($"  {state,-8} {entry.Version}_{entry.Name.PadRight(width)}{(entry.Dev ? " (dev)" : "     ")}  {note}".TrimEnd()).ConfigureAwait(false);
            }

            var pending = status.Count(e => e.State == MigrationState.Pending);
            var missing = status.Count(e => e.State == MigrationState.FileMissing);
            await Out.WriteLineAsync($"  {status.Count - pending} applied, {pending} pending.").ConfigureAwait(false);
            if (missing == 0)
            {
                return 0;
            }

            await options.Error.WriteLineAsync(
                $"error: {repo.Name}: {Plural(missing, "applied migration has", "applied migrations have")} no file in {repo.Directory}. " +
                "Is that the application's migrations folder (CliOptions.MigrationsDirectory, ContentRoot)? A published application " +
                "needs the folder beside its executable.").ConfigureAwait(false);
            return 1;
        }, cancellationToken);

    private static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";

    private static async Task EnsureServerVersionAsync(CliDatabase database, CliRepo repo, CancellationToken cancellationToken)
    {
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            repo.Repo.EnsureServerVersion(connection);
        }
    }

    private MigrationRunner Runner(TimeSpan? lockTimeout, bool strict)
    {
        var runnerOptions = options.Runner with
        {
            LockTimeout = lockTimeout ?? options.Runner.LockTimeout,
            StrictChecksums = strict || options.Runner.StrictChecksums,
        };
        var logger = options.LoggerFactory?.CreateLogger("Ashlar.Migrations") ?? new TextWriterLogger(Out);
        return new MigrationRunner(runnerOptions, logger);
    }

    private async Task<int> WithDatabaseAsync(Func<CliDatabase, CliRepo, IReadOnlyList<MigrationFile>, Task<int>> action, CancellationToken cancellationToken)
    {
        return await GuardAsync(async () =>
        {
            var repos = CliRepo.All(domain, options);
            var loaded = new List<(CliRepo Repo, IReadOnlyList<MigrationFile> Files)>();
            foreach (var repo in repos)
            {
                loaded.Add((repo, await repo.LoadAsync(cancellationToken).ConfigureAwait(false)));
            }

            var database = await CliDatabase.OpenAsync(options, cancellationToken).ConfigureAwait(false);
            if (database is null)
            {
                return 1;
            }

            var exit = 0;
            await using (database.ConfigureAwait(false))
            {
                foreach (var (repo, files) in loaded)
                {
                    exit = Math.Max(exit, await action(database, repo, files).ConfigureAwait(false));
                }
            }

            return exit;
        }).ConfigureAwait(false);
    }

    /// <summary>Turns the errors a user can act on into a message and exit code 1; anything else is a bug and propagates.</summary>
    private async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            await Out.WriteLineAsync($"Migrations folder: {options.MigrationsDirectory}").ConfigureAwait(false);
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is MigrationException or AshlarException or FormatException or PostgresBinariesNotFoundException or NpgsqlException
            or OperationCycleException or DropsNotAllowedException or ColumnTypeChangeException or CliUsageException)
        {
            await options.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
