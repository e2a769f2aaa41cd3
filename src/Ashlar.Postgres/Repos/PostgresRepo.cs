using Ashlar.Domains;
using Ashlar.Postgres.Declarations;
using Npgsql;

namespace Ashlar.Postgres.Repos;

/// <summary>
/// A PostgreSQL database that resources live in. Subclass it once per database; declare what the database
/// must provide (extensions, minimum version). The connection is given when the data layer is created.
/// </summary>
public abstract class PostgresRepo
{
    /// <summary>Extensions the migrations install (<c>CREATE EXTENSION IF NOT EXISTS</c>), e.g. <c>citext</c>.</summary>
    public virtual IReadOnlyList<string> InstalledExtensions => [];

    /// <summary>The oldest PostgreSQL this application supports; features that need newer versions are refused at build time.</summary>
    public virtual Version MinPostgresVersion => new(14, 0);

    /// <summary>A short name for logs, folders and errors; defaults to the class name in snake_case.</summary>
    public virtual string Name => Ashlar.Types.Naming.ToSnakeCase(GetType().Name);

    /// <summary>
    /// The tenants (schema names) of this repo that <c>migrate --tenants</c>, <c>status --tenants</c> and
    /// <c>rollback --tenants</c> work on. By default the schema names of the records of every resource of this repo that
    /// declares <c>ManageTenant</c>; override to list them another way.
    /// </summary>
    /// <param name="domain">The application's domain.</param>
    /// <param name="dataSource">The repo's database.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tenant names, each once.</returns>
    public virtual async Task<IReadOnlyList<string>> AllTenantsAsync(DomainModel domain, NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(dataSource);
        var tenants = new List<string>();
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            foreach (var resource in domain.Resources)
            {
                if (resource.Extension<PostgresOptions>() is { ManagedTenant: { } managed } options && options.RepoType == GetType())
                {
                    tenants.AddRange(await Tenants.ManagedTenantSchema.AllAsync(connection, resource, managed, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        return tenants.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The repos the domain's resources are stored in, one instance per repo type.</summary>
    public static IReadOnlyList<PostgresRepo> InDomain(DomainModel domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return [.. domain.Resources.Select(r => r.Extension<PostgresOptions>()?.RepoType).OfType<Type>().Distinct().Select(RepoCache.For)];
    }

    /// <summary>Refuses a server older than <see cref="MinPostgresVersion"/>, naming both versions and the fix.</summary>
    /// <exception cref="Ashlar.Errors.FrameworkException">The server is older than the minimum.</exception>
    public void EnsureServerVersion(NpgsqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ServerVersionCheck.Ensure(connection, this);
    }
}
