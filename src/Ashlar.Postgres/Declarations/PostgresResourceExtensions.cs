using Ashlar.Resources;

namespace Ashlar.Postgres.Declarations;

/// <summary>Adds the <c>Postgres</c> section to resource declarations.</summary>
public static class PostgresResourceExtensions
{
    /// <summary>Declares where and how the resource is stored in PostgreSQL.</summary>
    public static ResourceBuilder<T> Postgres<T>(this ResourceBuilder<T> resource, Action<PostgresBuilder<T>> configure)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(resource);
        configure(new PostgresBuilder<T>(resource.Extension<PostgresOptions>()));
        return resource;
    }
}
