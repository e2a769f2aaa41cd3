using Ashlar.Errors;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Repos;

/// <summary>
/// One statement reaches one database: two resources can meet in a statement (a join, an EXISTS, an aggregate) only
/// when they share both their repo and their read repo. Loads are separate statements and may cross.
/// </summary>
internal static class RepoBoundary
{
    /// <summary>The repo and the read repo of a resource (the read repo is the repo when none is declared).</summary>
    public static (Type? Repo, Type? ReadRepo) DatabasesOf(ResourceDefinition resource)
    {
        var options = resource.Extension<PostgresOptions>();
        return (options?.RepoType, options?.RepoFor(RepoKind.Read));
    }

    public static bool SameDatabases(ResourceDefinition a, ResourceDefinition b) =>
        ReferenceEquals(a, b) || DatabasesOf(a) == DatabasesOf(b);

    /// <summary>A phrase naming where a resource is stored, for messages.</summary>
    public static string Describe(ResourceDefinition resource)
    {
        var (repo, read) = DatabasesOf(resource);
        return repo is null ? $"{resource.Name} (no Postgres section)"
            : read == repo ? $"{resource.Name} (repo {repo.Name})"
            : $"{resource.Name} (repo {repo.Name}, read repo {read!.Name})";
    }

    /// <summary>Refuses a statement over <paramref name="reading"/> that would reach <paramref name="other"/> in another database.</summary>
    /// <exception cref="InvalidException">The two resources are stored or read in different databases.</exception>
    public static void EnsureSameDatabases(ResourceDefinition reading, ResourceDefinition other, string via)
    {
        if (SameDatabases(reading, other))
        {
            return;
        }

        throw AshlarException.From(new InvalidFilterReference(
            $"the query reaches {Describe(other)} through {via}, but reads {Describe(reading)}; one statement reaches one database, so " +
            $"a relationship into another repo or read repo can only be loaded (a separate statement), not used in a filter, sort, " +
            $"aggregate or calculation; load it instead, or give both resources the same Repo and ReadRepo")
        { Resource = reading.Name });
    }
}
