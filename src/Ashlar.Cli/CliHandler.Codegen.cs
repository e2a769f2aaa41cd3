using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Migrations.Running;

namespace Ashlar.Cli;

/// <summary>
/// codegen and check: the generator writes the files; a named run first rolls back the dev migrations the database
/// applied (their down parts, through the runner), then the generator squashes them into one named migration.
/// </summary>
internal sealed partial class CliHandler
{
    public Task<int> CodegenAsync(CodegenRequest request, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var generator = new MigrationGenerator(new MigrationGeneratorOptions
            {
                MigrationsDirectory = options.MigrationsDirectory,
                Prompt = new CliRenamePrompt(request.Renames, options.Input, Out),
                AllowDrops = request.AllowDrops,
            });
            if (request.Check)
            {
                var check = generator.Check(domain);
                await (check.Ok ? Out : options.Error).WriteLineAsync(check.ToString()).ConfigureAwait(false);
                return check.Ok ? 0 : 1;
            }

            if (!request.Dev && !(await RollBackDevTenantMigrationsAsync(request.DryRun, cancellationToken).ConfigureAwait(false)
                && await RollBackDevMigrationsAsync(request.DryRun, cancellationToken).ConfigureAwait(false)))
            {
                return 1;
            }

            var result = generator.Generate(domain, request.Name, request.Dev, request.DryRun);
            await ReportAsync(result, request.DryRun).ConfigureAwait(false);
            return 0;
        });

    /// <summary>Rolls back the applied dev migrations of every repo; false when that could not be done.</summary>
    private async Task<bool> RollBackDevMigrationsAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var repos = new List<(CliRepo Repo, IReadOnlyList<MigrationFile> Files)>();
        foreach (var repo in CliRepo.All(domain, options))
        {
            // Headers first: the whole files (megabytes of SQL in a large domain) are read only when one is dev.
            if (await repo.HasDevMigrationsAsync(cancellationToken).ConfigureAwait(false))
            {
                repos.Add((repo, await repo.LoadAsync(cancellationToken).ConfigureAwait(false)));
            }
        }

        if (repos.Count == 0)
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var source = options.ConnectionStringSource is null ? "" : $" (set {options.ConnectionStringSource} to have it done here)";
            await Out.WriteLineAsync(
                $"Squashing dev migrations without a database{source}: if a database applied them, run `rollback` there first, " +
                "with the dev files still present.").ConfigureAwait(false);
            return true;
        }

        var runner = Runner(null, strict: false);
        var database = await CliDatabase.OpenAsync(options, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A connection string was given, so a database opens.");
        await using (database.ConfigureAwait(false))
        {
            foreach (var (repo, files) in repos)
            {
                var status = await runner.StatusAsync(database.DataSource, files, cancellationToken).ConfigureAwait(false);
                var firstDev = status.FirstOrDefault(e => e.Dev && e.State != MigrationState.Pending);
                if (firstDev is null)
                {
                    continue;
                }

                var toRollBack = status.Where(e => e.State != MigrationState.Pending && string.CompareOrdinal(e.Version, firstDev.Version) >= 0).ToList();
                if (toRollBack.FirstOrDefault(e => !e.Dev) is { } named)
                {
                    await options.Error.WriteLineAsync(
                        $"error: {repo.Name}: {named.Version}_{named.Name} is not a dev migration but was applied after the dev migration " +
                        $"{firstDev.Version}_{firstDev.Name}; roll back by hand (rollback --to) before squashing.").ConfigureAwait(false);
                    return false;
                }

                if (dryRun)
                {
                    await Out.WriteLineAsync($"{repo.Name}: would roll back {toRollBack.Count} applied dev migration(s).").ConfigureAwait(false);
                    continue;
                }

                var rolledBack = await runner.RollbackAsync(database.DataSource, files, RollbackTarget.Steps(toRollBack.Count), cancellationToken).ConfigureAwait(false);
                await Out.WriteLineAsync(
                    $"{repo.Name}: rolled back {rolledBack.RolledBack.Count} dev migration(s): {string.Join(", ", rolledBack.RolledBack.Select(m => m.FileName))}.")
                    .ConfigureAwait(false);
            }
        }

        return true;
    }

    private async Task ReportAsync(GenerationResult result, bool dryRun)
    {
        var (written, deleted) = dryRun ? ("would write", "would delete") : ("wrote", "deleted");
        foreach (var repo in result.Repos)
        {
            foreach (var path in repo.Deleted)
            {
                await Out.WriteLineAsync($"{repo.Repo}: {deleted} {Path.GetFullPath(path)}").ConfigureAwait(false);
            }

            foreach (var path in repo.Written)
            {
                await Out.WriteLineAsync($"{repo.Repo}: {written} {Path.GetFullPath(path)}").ConfigureAwait(false);
            }

            foreach (var migration in repo.Migrations)
            {
                foreach (var warning in migration.Warnings)
                {
                    await Out.WriteLineAsync($"{repo.Repo}: review {migration.FileName}: {warning}").ConfigureAwait(false);
                }

                if (dryRun)
                {
                    await Out.WriteLineAsync($"---- {migration.FileName}\n{migration.ToText()}").ConfigureAwait(false);
                }
            }
        }

        await Out.WriteLineAsync(result.HasChanges ? $"{result.Summary}\nReview the migration, then run migrate." : result.Summary).ConfigureAwait(false);
    }
}
