using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Running;

namespace Ashlar.Cli;

/// <summary>
/// <c>remove</c>: deletes the newest codegen run (its migrations and the snapshots of its version) of the repo holding
/// the newest migration, like EF's <c>migrations remove</c>; refused when the database applied any of them.
/// </summary>
internal sealed partial class CliHandler
{
    public Task<int> RemoveAsync(RemoveRequest request, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var runs = new List<(CliRepo Repo, IReadOnlyList<MigrationFile> Files, List<MigrationFile> Run, List<string> Snapshots)>();
            foreach (var repo in CliRepo.All(domain, options))
            {
                var files = await repo.LoadAsync(cancellationToken).ConfigureAwait(false);
                if (files.Count > 0)
                {
                    var (run, snapshots) = NewestRun(repo, files);
                    runs.Add((repo, files, run, snapshots));
                }
            }

            if (runs.Count == 0)
            {
                await Out.WriteLineAsync("No migrations to remove.").ConfigureAwait(false);
                return 0;
            }

            var newest = runs.Max(r => r.Files[^1].Version);
            runs = runs.Where(r => r.Files[^1].Version == newest).ToList();
            if (!await CheckNotAppliedAsync(runs.Select(r => (r.Repo, r.Files, r.Run)).ToList(), request.Force, cancellationToken).ConfigureAwait(false))
            {
                return 1;
            }

            var verb = request.DryRun ? "would remove" : "removed";
            foreach (var (repo, _, run, snapshots) in runs)
            {
                foreach (var path in run.Select(m => Path.Combine(repo.Directory, m.FileName)).Concat(snapshots))
                {
                    if (!request.DryRun)
                    {
                        File.Delete(path);
                    }

                    await Out.WriteLineAsync($"{repo.Name}: {verb} {path}").ConfigureAwait(false);
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
    private (List<MigrationFile> Run, List<string> Snapshots) NewestRun(CliRepo repo, IReadOnlyList<MigrationFile> files)
    {
        var folder = Path.Combine(options.MigrationsDirectory, "Snapshots", repo.Name);
        var tenants = Path.Combine(folder, "tenants") + Path.DirectorySeparatorChar;
        var snapshots = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
                .Where(f => !f.StartsWith(tenants, StringComparison.Ordinal) && Path.GetFileName(f) is { Length: >= 19 } n && n[..14].All(char.IsAsciiDigit))
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

    private async Task<bool> CheckNotAppliedAsync(List<(CliRepo Repo, IReadOnlyList<MigrationFile> Files, List<MigrationFile> Run)> runs, bool force, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
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
