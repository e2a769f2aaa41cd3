using System.Collections.Concurrent;

namespace Ashlar.Postgres.Repos;

/// <summary>One instance per repo type; repos are stateless descriptions.</summary>
internal static class RepoCache
{
    private static readonly ConcurrentDictionary<Type, PostgresRepo> Instances = new();

    public static PostgresRepo For(Type repoType) =>
        Instances.GetOrAdd(repoType, static type => (PostgresRepo)Activator.CreateInstance(type)!);
}
