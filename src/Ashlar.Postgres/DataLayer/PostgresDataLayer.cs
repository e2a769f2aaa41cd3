using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Diagnostics;
using Ashlar.Postgres.Errors;
using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Replicas;
using Ashlar.Postgres.Sql.Caching;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Tenants;
using Ashlar.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Ashlar.Postgres.DataLayer;

/// <summary>
/// The PostgreSQL data layer: compiles plans to parameterised SQL, runs them on the resource's repo and turns
/// database errors into Ashlar errors. Thread-safe; one per application.
/// </summary>
public sealed partial class PostgresDataLayer : IDataLayer, IBulkDataLayer
{
    private readonly PostgresErrorTranslator _translator;
    private readonly IReadOnlyDictionary<Type, (NpgsqlDataSource Source, bool Owned)> _repos;
    private readonly CommandRunner _runner;
    private readonly ILogger _logger;
    private readonly IReadOnlyDictionary<Type, IReadOnlyList<NpgsqlDataSource>> _readReplicas;

    private PostgresDataLayer(
        DomainModel domain, IReadOnlyDictionary<Type, (NpgsqlDataSource, bool)> repos, IReadOnlyDictionary<Type, IReadOnlyList<NpgsqlDataSource>> readReplicas, ReplicaOptions replicas,
        IReadOnlyDictionary<Type, IReadOnlyList<MigrationFile>> tenantMigrations, ILoggerFactory loggerFactory, bool logParameters)
    {
        Domain = domain;
        _repos = repos;
        _tenantMigrations = tenantMigrations;
        _logger = loggerFactory.CreateLogger("Ashlar.Postgres");
        _translator = new PostgresErrorTranslator(ConstraintCatalog.Build(domain));
        _runner = new CommandRunner(_translator, _logger, logParameters);
        _readReplicas = readReplicas;
        _router = new ReadRouter(domain, DataSource, readReplicas, replicas, _logger);
        _runner.Tracker = _router;
        SqlCache = new SqlCache(domain);
    }

    /// <summary>Compiled read statements per query shape.</summary>
    internal SqlCache SqlCache { get; }

    /// <summary>The model the data layer serves.</summary>
    public DomainModel Domain { get; }

    /// <summary>Creates the data layer for a domain, connecting each repo its resources use.</summary>
    /// <exception cref="ArgumentException">A resource uses a repo that was not connected.</exception>
    public static PostgresDataLayer Create(DomainModel domain, Action<PostgresDataLayerBuilder> configure, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var builder = new PostgresDataLayerBuilder();
        configure(builder);
        var missing = ResourceSchemaBuilder.Repos(domain).Concat(ReadRepos(domain)).Distinct().Where(r => !builder.Repos.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"The domain {domain.Name} uses the repo(s) {string.Join(", ", missing.Select(m => m.Name))}, which have no connection; " +
                $"add pg.Repo<{missing[0].Name}>(connectionString) when creating the data layer.", nameof(configure));
        }

        if (builder.ReadReplicas.Keys.FirstOrDefault(r => !builder.Repos.ContainsKey(r)) is { } unconnected)
        {
            foreach (var replica in builder.ReadReplicas.Values.SelectMany(r => r))
            {
                replica.Dispose();
            }

            throw new ArgumentException(
                $"ReadReplica<{unconnected.Name}> is a replica of a repo with no connection; add pg.Repo<{unconnected.Name}>(connectionString) for its primary.", nameof(configure));
        }

        return new PostgresDataLayer(domain, builder.Repos, builder.ReadReplicas, builder.ReplicaOptions, builder.TenantMigrationFiles, loggerFactory ?? NullLoggerFactory.Instance, builder.LogsParameterValues);
    }

    /// <summary>The repos the data layer connects (their types), e.g. for a health check over each of their databases.</summary>
    public IReadOnlyCollection<Type> ConnectedRepos => [.. _repos.Keys];

    /// <summary>The data source of a repo.</summary>
    public NpgsqlDataSource DataSource(Type repoType) =>
        _repos.TryGetValue(repoType, out var repo)
            ? repo.Source
            : throw new ArgumentException($"The repo {repoType.Name} has no connection.", nameof(repoType));

    /// <summary>
    /// Creates every table the declarations call for in an empty database, in one transaction per repo.
    /// For tests, demos and first deployments; use generated migrations for everything after that.
    /// </summary>
    public async Task CreateSchemaAsync(CancellationToken cancellationToken = default)
    {
        foreach (var repoType in ResourceSchemaBuilder.Repos(Domain))
        {
            var statements = SchemaCreator.Statements(ResourceSchemaBuilder.Build(Domain, repoType));
            var connection = await DataSource(repoType).OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    foreach (var statement in statements)
                    {
                        var command = new NpgsqlCommand(statement, connection, transaction);
                        await using var commandScope = command.ConfigureAwait(false);
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await DataSource(repoType).ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
            PostgresLog.SchemaCreated(_logger, repoType.Name, statements.Count);
        }
    }

    /// <inheritdoc />
    public bool Can(ResourceDefinition resource, DataLayerFeature feature) => feature switch
    {
        DataLayerFeature.FilterThroughRelationships or DataLayerFeature.Sort or DataLayerFeature.Paginate or
        DataLayerFeature.Transactions or DataLayerFeature.SchemaMultitenancy => true,
        _ => false,
    };

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<T>> ReadAsync<T>(ReadPlan plan, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(plan);
        var command = SqlCache.Read(plan);
        var records = await _router.ReadAsync(plan.Resource, plan.Lock, (Runner: _runner, Command: command, plan.Resource),
            static (source, read, ct) => read.Runner.QueryAsync<T>(source, read.Command, read.Resource, WriteKind.Read, ct), cancellationToken).ConfigureAwait(false);
        if (plan.Loads.Count > 0 && records.Count > 0)
        {
            await LoadAsync(plan.Resource, records, plan.Loads, plan.Tenant, cancellationToken).ConfigureAwait(false);
        }

        return records;
    }

    /// <inheritdoc />
    public async ValueTask<ReadResult<T>> ReadWithSortValuesAsync<T>(ReadPlan plan, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(plan);
        var command = SqlCache.Read(plan, returnSortValues: true);
        var read = await _router.ReadAsync(plan.Resource, plan.Lock, (Runner: _runner, Command: command, plan.Resource),
            static (source, read, ct) => read.Runner.QueryWithSortValuesAsync<T>(source, read.Command, read.Resource, WriteKind.Read, ct), cancellationToken).ConfigureAwait(false);
        if (plan.Loads.Count > 0 && read.Records.Count > 0)
        {
            await LoadAsync(plan.Resource, read.Records, plan.Loads, plan.Tenant, cancellationToken).ConfigureAwait(false);
        }

        return read;
    }

    /// <inheritdoc />
    public async ValueTask<T> CreateAsync<T>(CreatePlan plan, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (ManagedTenantOf(plan.Resource) is { } managed)
        {
            return await CreateTenantRecordAsync<T>(plan, managed, cancellationToken).ConfigureAwait(false);
        }

        var rows = await _runner.QueryAsync<T>(SourceFor(plan.Resource), WriteCompiler.Insert(plan), plan.Resource, WriteKind.Create, cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    /// <inheritdoc />
    public async ValueTask<T?> UpdateAsync<T>(UpdatePlan plan, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (ManagedTenantOf(plan.Resource) is { RenameSchema: true } managed && ManagedTenantSchema.Touches(plan.Resource, managed, plan.Changes))
        {
            return await UpdateTenantRecordAsync<T>(plan, managed, cancellationToken).ConfigureAwait(false);
        }

        var rows = await _runner.QueryAsync<T>(SourceFor(plan.Resource), WriteCompiler.Update(plan, Domain), plan.Resource, WriteKind.Update, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async ValueTask<bool> DestroyAsync(DestroyPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (ManagedTenantOf(plan.Resource) is { DropSchema: true } managed)
        {
            return await DestroyTenantRecordAsync(plan, managed, cancellationToken).ConfigureAwait(false);
        }

        var affected = await _runner.ExecuteAsync(SourceFor(plan.Resource), WriteCompiler.Delete(plan), plan.Resource, WriteKind.Destroy, cancellationToken).ConfigureAwait(false);
        return affected > 0;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var (source, owned) in _repos.Values)
        {
            if (owned)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }

        foreach (var replica in _readReplicas.Values.SelectMany(r => r))
        {
            await replica.DisposeAsync().ConfigureAwait(false);
        }
    }

    private NpgsqlDataSource SourceFor(ResourceDefinition resource) =>
        DataSource(resource.Extension<PostgresOptions>()?.RepoType
            ?? throw AshlarException.From(new UnsupportedFeature($"{resource.Name} has no Postgres section") { Resource = resource.Name }));
}
