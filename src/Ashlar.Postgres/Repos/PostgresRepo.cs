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
