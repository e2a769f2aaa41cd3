using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Replicas;
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

    internal ReplicaOptions ReplicaOptions { get; } = new();

    internal bool LogsParameterValues { get; private set; }

    /// <summary>
    /// Writes the parameter values of each statement in its debug log line (<c>$1='Acme'</c> instead of <c>$1=?</c>),
    /// like EF Core's <c>EnableSensitiveDataLogging</c>. Values can be personal data or secrets: enable it in
    /// development only.
    /// </summary>
    public PostgresDataLayerBuilder EnableParameterLogging(bool enabled = true)
    {
        LogsParameterValues = enabled;
        return this;
    }

    internal Dictionary<Type, IReadOnlyList<NpgsqlDataSource>> ReadReplicas { get; } = [];

    /// <summary>
    /// Connects a streaming replica of <typeparamref name="TRepo"/>: the plain reads of every resource stored in it that
    /// declares no read repo (<c>pg.ReadRepo&lt;T&gt;()</c>) go to its replicas, routed like a read repo's (locks,
    /// transactions and writes stay on the repo; read-your-writes and <see cref="Replicas"/> apply). Call it once per
    /// replica: reads take the replicas in turn, skipping one that is down. The data layer owns the data source.
    /// </summary>
    /// <param name="connectionString">The replica's connection string; set its <c>Timeout</c> and <c>Command Timeout</c>.</param>
    public PostgresDataLayerBuilder ReadReplica<TRepo>(string connectionString)
        where TRepo : PostgresRepo, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var replicas = ReadReplicas.TryGetValue(typeof(TRepo), out var known) ? known : [];
        ReadReplicas[typeof(TRepo)] = [.. replicas, NpgsqlDataSource.Create(connectionString)];
        return this;
    }

    /// <summary>
    /// How reads use read repos: read-your-writes for the whole data layer, how long to wait for a lagging replica,
    /// what to do when one is down (see <see cref="Replicas.ReplicaOptions"/>). Connect each read repo with
    /// <see cref="Repo{TRepo}(string)"/> like any repo.
    /// </summary>
    public PostgresDataLayerBuilder Replicas(Action<ReplicaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(ReplicaOptions);
        return this;
    }

    internal Dictionary<Type, IReadOnlyList<MigrationFile>> TenantMigrationFiles { get; } = [];

    /// <summary>
    /// The tenant migrations a new managed tenant of <typeparamref name="TRepo"/> gets (all of them, in its creating
    /// transaction, recorded in its history). Without them, a new tenant gets the tenant tables the declarations call
    /// for and no history — fine for tests and demos, not for an application that runs <c>migrate --tenants</c>.
    /// </summary>
    /// <param name="directory">The folder of the tenant migration files, <c>Migrations/&lt;repo&gt;/tenants</c>; read now.</param>
    /// <exception cref="FormatException">A file is not a migration.</exception>
    public PostgresDataLayerBuilder TenantMigrations<TRepo>(string directory)
        where TRepo : PostgresRepo, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.sql").Order(StringComparer.Ordinal)
                .Select(f => MigrationFileFormat.Read(Path.GetFileName(f), File.ReadAllText(f))).ToList()
            : [];
        TenantMigrationFiles[typeof(TRepo)] = files;
        return this;
    }

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
