using Ashlar.Domains;
using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Running;
using Ashlar.Postgres.Repos;

namespace Ashlar.Cli;

/// <summary>A repo of the domain and the folder of its migration files.</summary>
internal sealed record CliRepo(Type Type, PostgresRepo Repo, string Directory)
{
    public string Name => Repo.Name;

    public static IReadOnlyList<CliRepo> All(DomainModel domain, CliOptions options) =>
        PostgresRepo.InDomain(domain)
            .Select(repo => new CliRepo(repo.GetType(), repo, MigrationDirectory.ForRepo(options.MigrationsDirectory, repo.Name)))
            .ToList();

    public Task<IReadOnlyList<MigrationFile>> LoadAsync(CancellationToken cancellationToken) =>
        MigrationDirectory.LoadAsync(Directory, cancellationToken);

    public Task<bool> HasDevMigrationsAsync(CancellationToken cancellationToken) =>
        MigrationDirectory.HasDevMigrationsAsync(Directory, cancellationToken);
}
