using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Repos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ashlar.AspNetCore;

/// <summary>Registers an Ashlar domain and its web pieces (problem details) with an ASP.NET Core application.</summary>
public static class AshlarServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="model"/> and a singleton <see cref="Domain"/> whose repo <typeparamref name="TRepo"/>
    /// connects with <paramref name="connectionString"/>, typically
    /// <c>builder.Configuration.GetConnectionString("HelpDesk")</c>. The connection string is checked now, so a missing
    /// or malformed one fails start-up with the fix, not the first request. The domain logs through the application's
    /// <see cref="ILoggerFactory"/> and is disposed with the service provider.
    /// </summary>
    /// <typeparam name="TRepo">The repo the domain's resources use.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <param name="connectionString">The repo's connection string; null or empty is refused with the fix.</param>
    /// <param name="model">The validated domain model, e.g. <c>DomainModel.Build("helpdesk", …)</c>.</param>
    /// <param name="configure">More data-layer settings: other repos, read repos, <see cref="PostgresDataLayerBuilder.EnableParameterLogging"/>.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentException">The connection string is missing or malformed.</exception>
    public static IServiceCollection AddAshlarPostgres<TRepo>(
        this IServiceCollection services, string? connectionString, DomainModel model, Action<PostgresDataLayerBuilder>? configure = null)
        where TRepo : PostgresRepo, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(model);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException(
                $"The domain {model.Name} has no connection string for {typeof(TRepo).Name}. Set one in configuration — " +
                $"\"ConnectionStrings\": {{ \"{model.Name}\": \"Host=…;Database=…;Username=…;Password=…\" }} in appsettings.json, or the " +
                $"ConnectionStrings__{model.Name} environment variable — and pass builder.Configuration.GetConnectionString(\"{model.Name}\").",
                nameof(connectionString));
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"The connection string for {typeof(TRepo).Name} of the domain {model.Name} is malformed: {e.Message}. " +
                "Write it as key=value pairs separated by semicolons, e.g. Host=localhost;Database=app;Username=app;Password=….",
                nameof(connectionString), e);
        }

        services.AddSingleton(model);
        services.AddSingleton(provider => PostgresDomain.Create(
            model,
            pg =>
            {
                pg.Repo<TRepo>(connectionString);
                configure?.Invoke(pg);
            },
            provider.GetService<ILoggerFactory>()));
        return services;
    }

    /// <summary>
    /// Turns the <see cref="Errors.AshlarException"/>s that requests throw into RFC 9457 problem details
    /// (<c>application/problem+json</c>): 400 with <c>errors</c> per field for invalid input and filters, 404 for a
    /// missing record, 409 for a stale record or a unique value already taken, 403 when forbidden, 503 when the
    /// database is unavailable. Registers <c>AddProblemDetails()</c> and an <c>IExceptionHandler</c>; the application
    /// calls <c>app.UseExceptionHandler()</c>. See <see cref="AshlarProblemDetails"/> for the mapping.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAshlarProblemDetails(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddProblemDetails();
        services.AddExceptionHandler<AshlarExceptionHandler>();
        return services;
    }
}
