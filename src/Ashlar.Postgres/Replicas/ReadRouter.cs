using System.Diagnostics;
using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Ashlar.Postgres.Replicas;

/// <summary>
/// Chooses the data source of each read: the read repo for plain reads, the repo for locking reads and reads in a
/// transaction; with read-your-writes, the replica only once it has replayed the scope's last commit LSN (waiting up to
/// <see cref="ReplicaOptions.CatchUpWait"/>), else the primary; a replica that fails is skipped for a while.
/// </summary>
internal sealed class ReadRouter : ICommitTracker
{
    private readonly Dictionary<ResourceDefinition, ResourceRoute> _routes = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<NpgsqlDataSource> _replicated = new(ReferenceEqualityComparer.Instance);
    private readonly WalPositions _domainWrites = new();
    private readonly ReplicaOptions _options;
    private readonly ILogger _logger;

    public ReadRouter(
        DomainModel domain, Func<Type, NpgsqlDataSource> sourceOf, IReadOnlyDictionary<Type, IReadOnlyList<NpgsqlDataSource>> connectedReplicas,
        ReplicaOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        var declared = new Dictionary<Type, ReplicaGroup>();
        var connected = connectedReplicas.ToDictionary(
            r => r.Key,
            r => new ReplicaGroup(r.Value.Select((source, i) => new ReplicaState(source, ConnectedName(r.Key, source, i, r.Value.Count))).ToList()));
        foreach (var resource in domain.Resources)
        {
            if (resource.Extension<PostgresOptions>() is not { } pg)
            {
                continue;
            }

            var primary = sourceOf(pg.RepoType);
            ReplicaGroup? replicas = null;
            if (pg.ReadRepoType is { } readRepo && readRepo != pg.RepoType)
            {
                if (!declared.TryGetValue(readRepo, out replicas))
                {
                    replicas = new ReplicaGroup([new ReplicaState(sourceOf(readRepo), readRepo.Name)]);
                    declared[readRepo] = replicas;
                }
            }
            else if (connected.TryGetValue(pg.RepoType, out var group))
            {
                replicas = group;
            }

            if (replicas is not null)
            {
                _replicated.Add(primary);
            }

            _routes[resource] = new ResourceRoute(primary, pg.RepoType, replicas);
        }
    }

    public ReadRoutingCounters Counters { get; } = new();

    /// <inheritdoc />
    public bool Wants(NpgsqlDataSource primary) =>
        _replicated.Count > 0 && _replicated.Contains(primary) && (_options.ReadYourWrites || ReadYourWritesScope.Current is not null);

    /// <inheritdoc />
    public void Record(NpgsqlDataSource primary, ulong lsn)
    {
        if (_options.ReadYourWrites)
        {
            _domainWrites.Record(primary, lsn);
        }

        ReadYourWritesScope.Current?.Record(primary, lsn);
    }

    /// <summary>Runs a read on the data source its resource, lock and the current transaction and scope call for.</summary>
    public ValueTask<TResult> ReadAsync<TState, TResult>(
        ResourceDefinition resource, ReadLock? rowLock, TState state, Func<NpgsqlDataSource, TState, CancellationToken, ValueTask<TResult>> run, CancellationToken ct)
    {
        var route = _routes.TryGetValue(resource, out var known) ? known : throw NoPostgresSection(resource);
        return route.Replicas is null ? run(route.Primary, state, ct) : ReadRoutedAsync(resource, route, route.Replicas, rowLock, state, run, ct);
    }

    private async ValueTask<TResult> ReadRoutedAsync<TState, TResult>(
        ResourceDefinition resource, ResourceRoute route, ReplicaGroup replicas, ReadLock? rowLock, TState state,
        Func<NpgsqlDataSource, TState, CancellationToken, ValueTask<TResult>> run, CancellationToken ct)
    {
        if (rowLock is not null)
        {
            return await OnPrimaryAsync(resource, route, ReadRoute.Lock, state, run, ct).ConfigureAwait(false);
        }

        if (DataLayer.AmbientTransaction.Current is not null)
        {
            return await OnPrimaryAsync(resource, route, ReadRoute.Transaction, state, run, ct).ConfigureAwait(false);
        }

        var required = Math.Max(_options.ReadYourWrites ? _domainWrites.Of(route.Primary) : 0, ReadYourWritesScope.Current?.Required(route.Primary) ?? 0);
        if (replicas.Pick(required) is not { } replica)
        {
            return await ReplicaUnavailableAsync(resource, route, replicas.Replicas[0], null, state, run, ct).ConfigureAwait(false);
        }

        if (required > replica.Replayed)
        {
            bool caughtUp;
            try
            {
                caughtUp = await CatchUpAsync(replica, required, ct).ConfigureAwait(false);
            }
            catch (NpgsqlException e) when (!ct.IsCancellationRequested)
            {
                MarkDown(replica, e);
                return await NextOrUnavailableAsync(resource, route, replicas, replica, e, rowLock, state, run, ct).ConfigureAwait(false);
            }

            if (!caughtUp)
            {
                Counters.Behind();
                return await OnPrimaryAsync(resource, route, ReadRoute.ReplicaBehind, state, run, ct).ConfigureAwait(false);
            }
        }

        TResult result;
        try
        {
            result = await run(replica.Source, state, ct).ConfigureAwait(false);
        }
        catch (AshlarException e) when (!ct.IsCancellationRequested && e.Errors.All(error => error is Unavailable))
        {
            MarkDown(replica, e);
            return await NextOrUnavailableAsync(resource, route, replicas, replica, e, rowLock, state, run, ct).ConfigureAwait(false);
        }

        Counters.OnReplica();
        ReplicaLog.ReadServed(_logger, resource.Name, replica.Name, ReadRoute.Replica);
        return result;
    }

    /// <summary>After a replica failed: another replica of the group that is not down, else the fallback.</summary>
    private ValueTask<TResult> NextOrUnavailableAsync<TState, TResult>(
        ResourceDefinition resource, ResourceRoute route, ReplicaGroup replicas, ReplicaState failed, Exception cause, ReadLock? rowLock, TState state,
        Func<NpgsqlDataSource, TState, CancellationToken, ValueTask<TResult>> run, CancellationToken ct) =>
        replicas.Replicas.Any(r => !r.IsDown)
            ? ReadRoutedAsync(resource, route, replicas, rowLock, state, run, ct)
            : ReplicaUnavailableAsync(resource, route, failed, cause, state, run, ct);

    private static string ConnectedName(Type repo, NpgsqlDataSource source, int index, int count)
    {
        var builder = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        return count == 1 ? $"{repo.Name} replica ({builder.Host}:{builder.Port})" : $"{repo.Name} replica {index + 1} ({builder.Host}:{builder.Port})";
    }

    /// <summary>Polls the replica's replay position until it reaches <paramref name="required"/> or the wait is over.</summary>
    private async ValueTask<bool> CatchUpAsync(ReplicaState replica, ulong required, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(_options.CatchUpWait.TotalSeconds * Stopwatch.Frequency);
        var connection = await replica.Source.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn()", connection);
            await using (command.ConfigureAwait(false))
            {
                while (true)
                {
                    if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is NpgsqlLogSequenceNumber replayed)
                    {
                        replica.Saw((ulong)replayed);
                        if ((ulong)replayed >= required)
                        {
                            return true;
                        }
                    }

                    var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                    if (left <= TimeSpan.Zero)
                    {
                        return false;
                    }

                    await Task.Delay(left < _options.PollInterval ? left : _options.PollInterval, ct).ConfigureAwait(false);
                }
            }
        }
    }

    private async ValueTask<TResult> ReplicaUnavailableAsync<TState, TResult>(
        ResourceDefinition resource, ResourceRoute route, ReplicaState replica, Exception? cause, TState state,
        Func<NpgsqlDataSource, TState, CancellationToken, ValueTask<TResult>> run, CancellationToken ct)
    {
        Counters.Unavailable();
        if (_options.WhenUnavailable == ReplicaFallback.ReadFromPrimary)
        {
            return await OnPrimaryAsync(resource, route, ReadRoute.ReplicaUnavailable, state, run, ct).ConfigureAwait(false);
        }

        var why = cause is null ? $"it failed less than {_options.RetryAfter.TotalSeconds:0.#} s ago" : cause.Message;
        throw AshlarException.From(new Unavailable(
            $"the read repo {replica.Name} cannot be reached ({why}); retry later, or set ReplicaOptions.WhenUnavailable = " +
            $"ReplicaFallback.ReadFromPrimary to read from the repo {route.PrimaryRepo.Name} meanwhile")
        {
            Resource = resource.Name,
            IsTransient = true,
        }, cause);
    }

    private async ValueTask<TResult> OnPrimaryAsync<TState, TResult>(
        ResourceDefinition resource, ResourceRoute route, ReadRoute reason, TState state,
        Func<NpgsqlDataSource, TState, CancellationToken, ValueTask<TResult>> run, CancellationToken ct)
    {
        var result = await run(route.Primary, state, ct).ConfigureAwait(false);
        Counters.OnPrimary();
        ReplicaLog.ReadServed(_logger, resource.Name, route.PrimaryRepo.Name, reason);
        return result;
    }

    private void MarkDown(ReplicaState replica, Exception e)
    {
        replica.MarkDown(_options.RetryAfter);
        ReplicaLog.ReplicaDown(_logger, replica.Name, _options.RetryAfter, e.Message);
    }

    private static AshlarException NoPostgresSection(ResourceDefinition resource) =>
        AshlarException.From(new UnsupportedFeature($"{resource.Name} has no Postgres section") { Resource = resource.Name });
}
