using Ashlar.Domains;
using Ashlar.Postgres.Repos;
using Ashlar.Resources;

namespace Ashlar.Postgres.Declarations;

/// <summary>Build-time checks of read repos: a replica is never written, and a statement never spans two databases.</summary>
internal static class ReadRepoRules
{
    public static void Check(ResourceDefinition resource, PostgresOptions options, DomainModel domain, Action<string, string, string> problem)
    {
        if (options.ReadRepoType is { } readRepo && readRepo != options.RepoType)
        {
            var writtenThere = domain.Resources.Where(r => r.Extension<PostgresOptions>()?.RepoType == readRepo).Select(r => r.Name).ToList();
            if (writtenThere.Count > 0)
            {
                problem("postgres read_repo", $"{readRepo.Name} is also the repo of {string.Join(", ", writtenThere)}, whose writes and migrations would go to a read-only replica",
                    $"give the replica a repo class of its own and use it only in ReadRepo<{readRepo.Name}>(), or make {readRepo.Name} a Repo only");
            }
        }

        foreach (var aggregate in resource.Aggregates)
        {
            var destination = domain.FindResource(aggregate.Relationship.DestinationType);
            if (destination is not null && !RepoBoundary.SameDatabases(resource, destination))
            {
                problem($"aggregate {aggregate.Name}",
                    $"aggregates over {aggregate.Relationship.Name} into {RepoBoundary.Describe(destination)}, but {RepoBoundary.Describe(resource)} is elsewhere; one statement reaches one database",
                    $"load {aggregate.Relationship.Name} instead (a load is its own statement), or give both resources the same Repo and ReadRepo");
            }
        }

        foreach (var relationship in resource.Relationships.Where(r => r.ThroughType is not null))
        {
            var destination = domain.FindResource(relationship.DestinationType);
            var through = domain.FindResource(relationship.ThroughType!);
            if (destination is not null && through is not null && !RepoBoundary.SameDatabases(destination, through))
            {
                problem($"relationship {relationship.Name}",
                    $"joins {RepoBoundary.Describe(through)} to {RepoBoundary.Describe(destination)} in one statement, but they are in different databases",
                    "give the join resource the same Repo and ReadRepo as the destination");
            }
        }
    }
}
