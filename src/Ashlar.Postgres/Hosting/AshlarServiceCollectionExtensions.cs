using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ashlar.Postgres.Hosting;

/// <summary>Registers an Ashlar domain stored in PostgreSQL with a service collection.</summary>
public static class AshlarServiceCollectionExtensions
{
    /// <summary>
    /// Builds and validates the domain now (a broken declaration fails start-up, not the first request) and registers
    /// the <see cref="DomainModel"/> and a singleton <see cref="Domain"/> whose data layer connects the given repos.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The domain's name.</param>
    /// <param name="define">Adds the resources.</param>
    /// <param name="connect">Connects each repo, e.g. <c>pg =&gt; pg.Repo&lt;AppRepo&gt;(connectionString)</c>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAshlarPostgres(
        this IServiceCollection services,
        string name,
        Action<DomainBuilder> define,
        Action<PostgresDataLayerBuilder> connect)
    {
        ArgumentNullException.ThrowIfNull(services);
        var model = DomainModel.Build(name, define);
        services.AddSingleton(model);
        services.AddSingleton(provider => PostgresDomain.Create(model, connect, provider.GetService<ILoggerFactory>()));
        return services;
    }
}
