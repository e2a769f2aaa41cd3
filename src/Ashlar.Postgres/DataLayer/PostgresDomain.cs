using Ashlar.Domains;
using Microsoft.Extensions.Logging;

namespace Ashlar.Postgres.DataLayer;

/// <summary>Shortcuts for creating a <see cref="Domain"/> stored in PostgreSQL.</summary>
public static class PostgresDomain
{
    /// <summary>Creates a domain over <paramref name="model"/> with a Postgres data layer.</summary>
    public static Domain Create(DomainModel model, Action<PostgresDataLayerBuilder> configure, ILoggerFactory? loggerFactory = null) =>
        new(model, PostgresDataLayer.Create(model, configure, loggerFactory), loggerFactory);

    /// <summary>The domain's Postgres data layer.</summary>
    /// <exception cref="InvalidOperationException">The domain is stored elsewhere.</exception>
    public static PostgresDataLayer Postgres(this Domain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return domain.DataLayer as PostgresDataLayer
            ?? throw new InvalidOperationException($"The domain {domain.Model.Name} is not stored in PostgreSQL.");
    }
}
