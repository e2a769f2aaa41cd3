using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Running;
using Ashlar.Postgres.Migrations.Tenants;

namespace Ashlar.Cli;

/// <summary>
/// <c>remove</c>: deletes the newest codegen run (its migrations and the snapshots of its version) of the repo holding
/// the newest migration, like EF's <c>migrations remove</c>; refused when the database applied any of them. With
/// <c>--tenants</c>, the same for the tenant migrations (<c>Migrations/&lt;repo&gt;/tenants</c> and their snapshots),
/// refused when any tenant applied them.
/// </summary>
internal sealed partial class CliHandler
{
    public Task<int> RemoveAsync(RemoveRequest request, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var runs = new List<(CliRepo Repo, IReadOnlyList<MigrationFile> Files, List<MigrationFile> Run, List<string> Snapshots)>();
            foreach (var repo in CliRepo.All(domain, options))
            {
                var files = request.Tenants
                    ? (await MigrationDirectory.LoadAsync(TenantDirectory(repo), cancellationToken).ConfigureAwait(false)).OrderBy(f => f.Version, StringComparer.Ordinal).ToList()
                    : await repo.LoadAsync(cancellationToken).ConfigureAwait(false);
                if (files.Count > 0)
                {
                    var (run, snapshots) = NewestRun(repo, files, request.Tenants);
                    runs.Add((repo, files, run, snapshots));
                }
            }

            if (runs.Count == 0)
            {
                await Out.WriteLineAsync(request.Tenants ? "No tenant migrations to remove." : "No migrations to remove.").ConfigureAwait(false);
                return 0;
            }

            var newest = runs.Max(r => r.Files[^1].Version);
            runs = runs.Where(r => r.Files[^1].Version == newest).ToList();
            var checkedRuns = runs.Select(r => (r.Repo, r.Files, r.Run)).ToList();
            var allowed = request.Tenants
                ? await CheckNoTenantAppliedAsync(checkedRuns, request.Force, cancellationToken).ConfigureAwait(false)
                : await CheckNotAppliedAsync(checkedRuns, request.Force, cancellationToken).ConfigureAwait(false);
            if (!allowed)
            {
                return 1;
            }

            var verb = request.DryRun ? "would remove" : "removed";
            foreach (var (repo, _, run, snapshots) in runs)
            {
                var folder = request.Tenants ? TenantDirectory(repo) : repo.Directory;
                var label = request.Tenants ? $"{repo.Name}/tenants" : repo.Name;
                foreach (var path in run.Select(m => Path.Combine(folder, m.FileName)).Concat(snapshots))
                {
                    if (!request.DryRun)
                    {
                        File.Delete(path);
                    }

                    await Out.WriteLineAsync($"{label}: {verb} {path}").ConfigureAwait(false);
                }
            }

            await Out.WriteLineAsync(request.DryRun ? "Nothing was removed (--dry-run)." : "Change the declarations, then run codegen again.").ConfigureAwait(false);
            return 0;
        });

    /// <summary>
    /// The migrations a codegen run wrote last and its snapshot files: the run's snapshots carry the version of its last
    /// migration, and its migrations are those after the previous snapshot version. A newest migration without
    /// snapshots of its version (written by hand) is a run of its own.
    /// </summary>
    private (List<MigrationFile> Run, List<string> Snapshots) NewestRun(CliRepo repo, IReadOnlyList<MigrationFile> files, bool ofTenants)
    {
        var folder = Path.Combine(options.MigrationsDirectory, "Snapshots", repo.Name);
        var tenants = Path.Combine(folder, "tenants") + Path.DirectorySeparatorChar;
        var snapshots = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
                .Where(f => f.StartsWith(tenants, StringComparison.Ordinal) == ofTenants && Path.GetFileName(f) is { Length: >= 19 } n && n[..14].All(char.IsAsciiDigit))
                .ToList()
            : [];
        var newest = files[^1].Version;
        var ofNewest = snapshots.Where(f => Path.GetFileName(f)[..14] == newest).Order(StringComparer.Ordinal).ToList();
        if (ofNewest.Count == 0)
        {
            return ([files[^1]], []);
        }

        var previous = snapshots.Select(f => Path.GetFileName(f)[..14]).Where(v => string.CompareOrdinal(v, newest) < 0).Max(StringComparer.Ordinal) ?? "";
        return (files.Where(m => string.CompareOrdinal(m.Version, previous) > 0).ToList(), ofNewest);
    }

    private static string TenantDirectory(CliRepo repo) => Path.Combine(repo.Directory, "tenants");

    /// <summary>Without a connection string: true with <c>--force</c> (said so), otherwise the error and false. Null when there is one.</summary>
    private async Task<bool?> WithoutDatabaseAsync(bool force)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return null;
        }

        if (force)
        {
            await Out.WriteLineAsync("No database connection string: removing without checking whether a database applied the migration (--force).").ConfigureAwait(false);
            return true;
        }

        var source = options.ConnectionStringSource is null ? "" : $" (set {options.ConnectionStringSource})";
        await options.Error.WriteLineAsync(
            $"error: No database connection string{source}, so remove cannot check that the migration was never applied; " +
            "pass --force to remove it anyway.").ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// For <c>remove --tenants</c>: false, listing them, when any tenant applied a migration of the run (tenants apply
    /// in order, so one whose newest applied version is at or after the run's first did) or could not be read.
    /// </summary>
    private async Task<bool> CheckNoTenantAppliedAsync(List<(CliRepo Repo, IReadOnlyList<MigrationFile> Files, List<MigrationFile> Run)> runs, bool force, CancellationToken cancellationToken)
    {
        if (await WithoutDatabaseAsync(force).ConfigureAwait(false) is { } answer)
        {
            return answer;
        }

        var database = await CliDatabase.OpenAsync(options, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A connection string was given, so a database opens.");
        await using (database.ConfigureAwait(false))
        {
            foreach (var (repo, files, run) in runs)
            {
                var tenants = await repo.Repo.AllTenantsAsync(domain, database.DataSource, cancellationToken).ConfigureAwait(false);
                var runner = new TenantMigrationRunner(new TenantRunOptions { Runner = options.Runner with { StrictChecksums = false } });
                var status = await runner.StatusAsync(database.DataSource, tenants, files, cancellationToken: cancellationToken).ConfigureAwait(false);
                var first = run[0].Version;
                var names = string.Join(", ", run.Select(m => $"{m.Version}_{m.Name}"));
                var unread = status.Tenants.Where(t => t.Status is TenantStatus.Failed or TenantStatus.Skipped).ToList();
                if (unread.Count > 0)
                {
                    await options.Error.WriteLineAsync(
                        $"error: {repo.Name}/tenants: cannot tell whether {string.Join(", ", unread.Select(t => t.Tenant))} applied {names} " +
                        $"({unread[0].Error}); fix the tenant, then remove. Nothing was removed.").ConfigureAwait(false);
                    return false;
                }

                var applied = status.Tenants
                    .Where(t => t.FromVersion is { } from && string.CompareOrdinal(from, first) >= 0)
                    .Select(t => t.Tenant).Order(StringComparer.Ordinal).ToList();
                if (applied.Count > 0)
                {
                    await options.Error.WriteLineAsync(
                        $"error: {repo.Name}/tenants: {names} {(run.Count == 1 ? "is" : "are")} applied in {applied.Count} tenant(s): {string.Join(", ", applied)}; " +
                        $"run rollback --tenants{(run.Count == 1 ? "" : $" --step {run.Count}")} first, then remove --tenants. Nothing was removed.").ConfigureAwait(false);
                    return false;
                }
            }
        }

        return true;
    }

    private async Task<bool> CheckNotAppliedAsync(List<(CliRepo Repo, IReadOnlyList<MigrationFile> Files, List<MigrationFile> Run)> runs, bool force, CancellationToken cancellationToken)
    {
        if (await WithoutDatabaseAsync(force).ConfigureAwait(false) is { } answer)
        {
            return answer;
        }

        var database = await CliDatabase.OpenAsync(options, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A connection string was given, so a database opens.");
        await using (database.ConfigureAwait(false))
        {
            foreach (var (repo, files, run) in runs)
            {
                var status = await Runner(null, strict: false).StatusAsync(database.DataSource, files, cancellationToken).ConfigureAwait(false);
                var versions = run.Select(m => m.Version).ToHashSet(StringComparer.Ordinal);
                var applied = status.Where(e => versions.Contains(e.Version) && e.State != MigrationState.Pending).ToList();
                if (applied.Count > 0)
                {
                    await options.Error.WriteLineAsync(
                        $"error: {repo.Name}: {string.Join(", ", applied.Select(e => $"{e.Version}_{e.Name}"))} {(applied.Count == 1 ? "is" : "are")} applied on the database; " +
                        $"run rollback{(run.Count == 1 ? "" : $" --step {run.Count}")} first, then remove. Nothing was removed.").ConfigureAwait(false);
                    return false;
                }
            }
        }

        return true;
    }
}
