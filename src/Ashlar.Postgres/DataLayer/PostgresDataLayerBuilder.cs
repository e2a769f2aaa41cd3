using Ashlar.Postgres.Repos;
using Npgsql;

namespace Ashlar.Postgres.DataLayer;

/// <summary>Says which database each repo connects to.</summary>
public sealed class PostgresDataLayerBuilder
{
    private readonly Dictionary<Type, (NpgsqlDataSource Source, bool Owned)> _repos = [];

    internal PostgresDataLayerBuilder()
    {
    }

    internal IReadOnlyDictionary<Type, (NpgsqlDataSource Source, bool Owned)> Repos => _repos;

    /// <summary>
    /// Connects <typeparamref name="TRepo"/> with a connection string; the data layer owns the data source. Each new
    /// connection checks that the server is at least the repo's <see cref="PostgresRepo.MinPostgresVersion"/>.
    /// </summary>
    public PostgresDataLayerBuilder Repo<TRepo>(string connectionString)
        where TRepo : PostgresRepo, new()
    {
        var repo = RepoCache.For(typeof(TRepo));
        var dataSource = new NpgsqlDataSourceBuilder(connectionString)
            .UsePhysicalConnectionInitializer(
                connection => ServerVersionCheck.Ensure(connection, repo),
                connection =>
                {
                    ServerVersionCheck.Ensure(connection, repo);
                    return Task.CompletedTask;
                })
            .Build();
        _repos[typeof(TRepo)] = (dataSource, true);
        return this;
    }

    /// <summary>Connects <typeparamref name="TRepo"/> through a data source the caller owns and disposes.</summary>
    public PostgresDataLayerBuilder Repo<TRepo>(NpgsqlDataSource dataSource)
        where TRepo : PostgresRepo, new()
    {
        _repos[typeof(TRepo)] = (dataSource, false);
        return this;
    }
}
