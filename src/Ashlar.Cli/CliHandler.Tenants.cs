using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Running;
using Ashlar.Postgres.Migrations.Tenants;
using Npgsql;

namespace Ashlar.Cli;

/// <summary><c>migrate --tenants</c>, <c>rollback --tenants</c>, <c>status --tenants</c>.</summary>
internal sealed partial class CliHandler
{
    private delegate Task<TenantRunReport> TenantWork(
        TenantMigrationRunner runner, NpgsqlDataSource dataSource, IReadOnlyList<string> tenants, IReadOnlyList<MigrationFile> files, IProgress<TenantResult> progress,
        CancellationToken cancellationToken);

    private Task<int> MigrateTenantsAsync(MigrateRequest request, CancellationToken cancellationToken) =>
        TenantsAsync("migrate", request.Tenants!, request.LockTimeout, request.StrictChecksums,
            (runner, db, tenants, files, progress, ct) => runner.MigrateAsync(db, tenants, files, progress, ct), cancellationToken);

    private Task<int> RollbackTenantsAsync(RollbackRequest request, CancellationToken cancellationToken)
    {
        var target = request.To is { } version ? RollbackTarget.To(version) : RollbackTarget.Steps(request.Step ?? 1);
        return TenantsAsync("rollback", request.Tenants!, request.LockTimeout, strict: false,
            (runner, db, tenants, files, progress, ct) => runner.RollbackAsync(db, tenants, files, target, progress, ct), cancellationToken);
    }

    private Task<int> StatusTenantsAsync(TenantRequest request, CancellationToken cancellationToken) =>
        TenantsAsync("status", request, null, strict: false,
            (runner, db, tenants, files, progress, ct) => runner.StatusAsync(db, tenants, files, progress, ct), cancellationToken);

    /// <summary>
    /// Before a named codegen squashes dev tenant migrations: rolls them back in every tenant that applied them (tenant
    /// tables may refer to global ones, so this runs before the global dev rollback). False when a tenant failed.
    /// </summary>
    private async Task<bool> RollBackDevTenantMigrationsAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var repos = new List<(CliRepo Repo, IReadOnlyList<MigrationFile> Files, MigrationFile FirstDev)>();
        foreach (var repo in CliRepo.All(domain, options))
        {
            var files = (await MigrationDirectory.LoadAsync(Path.Combine(repo.Directory, "tenants"), cancellationToken).ConfigureAwait(false))
                .OrderBy(f => f.Version, StringComparer.Ordinal).ToList();
            if (files.FirstOrDefault(f => f.Dev) is { } firstDev)
            {
                repos.Add((repo, files, firstDev));
            }
        }

        if (repos.Count == 0 || string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            // Without a database the global rollback says what to do; it covers the tenants too.
            return true;
        }

        var database = await CliDatabase.OpenAsync(options, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A connection string was given, so a database opens.");
        await using (database.ConfigureAwait(false))
        {
            foreach (var (repo, files, firstDev) in repos)
            {
                var runner = new TenantMigrationRunner(new TenantRunOptions { Runner = options.Runner with { StrictChecksums = false } });
                var tenants = await repo.Repo.AllTenantsAsync(domain, database.DataSource, cancellationToken).ConfigureAwait(false);
                var status = await runner.StatusAsync(database.DataSource, tenants, files, cancellationToken: cancellationToken).ConfigureAwait(false);
                var applied = status.Tenants.Where(t => t.FromVersion is { } from && string.CompareOrdinal(from, firstDev.Version) >= 0).Select(t => t.Tenant).ToList();
                if (applied.Count == 0)
                {
                    continue;
                }

                if (dryRun)
                {
                    await Out.WriteLineAsync($"{repo.Name}/tenants: would roll back the applied dev tenant migrations of {applied.Count} tenant(s).").ConfigureAwait(false);
                    continue;
                }

                // Dev files are the newest (a named codegen squashes them), so "newer than the last named one" is exactly the dev ones.
                var lastNamed = files.LastOrDefault(f => !f.Dev && string.CompareOrdinal(f.Version, firstDev.Version) < 0)?.Version ?? "0";
                var report = await runner.RollbackAsync(database.DataSource, applied, files, RollbackTarget.To(lastNamed), cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var failed in report.Tenants.Where(t => t.Status != TenantStatus.Done && t.Status != TenantStatus.UpToDate))
                {
                    await options.Error.WriteLineAsync($"error: {repo.Name}/tenants: rolling back the dev tenant migrations of {failed.Tenant} failed: {failed.Error}").ConfigureAwait(false);
                }

                if (!report.Succeeded)
                {
                    await options.Error.WriteLineAsync("Nothing was squashed; fix the tenant, then run codegen again.").ConfigureAwait(false);
                    return false;
                }

                await Out.WriteLineAsync(
                    $"{repo.Name}/tenants: rolled back {report.Tenants.Sum(t => t.Migrations)} dev tenant migration(s) in {applied.Count} tenant(s).").ConfigureAwait(false);
            }
        }

        return true;
    }

    /// <summary>
    /// Runs the work for every repo that has tenant migrations. Exit code 1 when a tenant failed or was skipped, when
    /// a repo has tenant resources but no tenant migrations, or when no repo has any: never 0 for work not done.
    /// </summary>
    private Task<int> TenantsAsync(string operation, TenantRequest request, TimeSpan? lockTimeout, bool strict, TenantWork work, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var repos = new List<(CliRepo Repo, IReadOnlyList<MigrationFile> Files)>();
            foreach (var repo in CliRepo.All(domain, options))
            {
                var files = await MigrationDirectory.LoadAsync(Path.Combine(repo.Directory, "tenants"), cancellationToken).ConfigureAwait(false);
                if (files.Count > 0)
                {
                    repos.Add((repo, files));
                }
                else if (Ashlar.Postgres.Migrations.Generation.MigrationGenerator.Schemas(domain).ContainsKey(Ashlar.Postgres.Migrations.Generation.MigrationGenerator.TenantFolder(repo.Name)))
                {
                    await options.Error.WriteLineAsync($"error: {repo.Name} has tenant resources but no tenant migrations in {Path.Combine(repo.Directory, "tenants")}; run codegen first.").ConfigureAwait(false);
                    return 1;
                }
            }

            if (repos.Count == 0)
            {
                await options.Error.WriteLineAsync($"error: no tenant migrations in {options.MigrationsDirectory}/<repo>/tenants; declare a context-tenant resource and run codegen.").ConfigureAwait(false);
                return 1;
            }

            var database = await CliDatabase.OpenAsync(options, cancellationToken).ConfigureAwait(false);
            if (database is null)
            {
                return 1;
            }

            var ok = true;
            await using (database.ConfigureAwait(false))
            {
                foreach (var (repo, files) in repos)
                {
                    var all = await repo.Repo.AllTenantsAsync(domain, database.DataSource, cancellationToken).ConfigureAwait(false);
                    var unknown = request.Only.Where(t => !all.Contains(t, StringComparer.Ordinal)).ToList();
                    if (unknown.Count > 0)
                    {
                        await options.Error.WriteLineAsync($"error: {repo.Name}: --only names {string.Join(", ", unknown)}, not among its {all.Count} tenants; nothing was run.").ConfigureAwait(false);
                        return 1;
                    }

                    var tenants = request.Only.Count > 0 ? request.Only : all.Where(t => !request.Except.Contains(t, StringComparer.Ordinal)).ToList();
                    var runner = new TenantMigrationRunner(new TenantRunOptions
                    {
                        Jobs = request.Jobs,
                        FailFast = request.FailFast,
                        Runner = options.Runner with { LockTimeout = lockTimeout ?? options.Runner.LockTimeout, StrictChecksums = strict || options.Runner.StrictChecksums },
                    });
                    await Out.WriteLineAsync($"{repo.Name}: {operation} --tenants over {tenants.Count} tenant(s), {files.Count} tenant migration(s), --jobs {request.Jobs}.").ConfigureAwait(false);
                    var report = await TenantProgressView.RunAsync(options, tenants.Count,
                        progress => work(runner, database.DataSource, tenants, files, progress, cancellationToken)).ConfigureAwait(false);
                    await TenantReportView.WriteAsync(options, repo.Name, report).ConfigureAwait(false);
                    if (request.ReportPath is { } path)
                    {
                        await File.WriteAllTextAsync(repos.Count == 1 ? path : $"{path}.{repo.Name}.json", report.ToJson(), cancellationToken).ConfigureAwait(false);
                    }

                    ok &= report.Succeeded;
                }
            }

            return ok ? 0 : 1;
        });
}
