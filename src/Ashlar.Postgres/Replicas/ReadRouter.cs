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

    public ReadRouter(DomainModel domain, Func<Type, NpgsqlDataSource> sourceOf, ReplicaOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        var replicas = new Dictionary<Type, ReplicaState>();
        foreach (var resource in domain.Resources)
        {
            if (resource.Extension<PostgresOptions>() is not { } pg)
            {
                continue;
            }

            var primary = sourceOf(pg.RepoType);
            ReplicaState? replica = null;
            if (pg.ReadRepoType is { } readRepo && readRepo != pg.RepoType)
            {
                if (!replicas.TryGetValue(readRepo, out replica))
                {
                    replica = new ReplicaState(sourceOf(readRepo), readRepo);
                    replicas[readRepo] = replica;
                }

                _replicated.Add(primary);
            }

            _routes[resource] = new ResourceRoute(primary, pg.RepoType, replica);
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
        return route.Replica is null ? run(route.Primary, state, ct) : ReadRoutedAsync(resource, route, route.Replica, rowLock, state, run, ct);
    }

    private async ValueTask<TResult> ReadRoutedAsync<TState, TResult>(
        ResourceDefinition resource, ResourceRoute route, ReplicaState replica, ReadLock? rowLock, TState state,
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

        if (replica.IsDown)
        {
            return await ReplicaUnavailableAsync(resource, route, replica, null, state, run, ct).ConfigureAwait(false);
        }

        var required = Math.Max(_options.ReadYourWrites ? _domainWrites.Of(route.Primary) : 0, ReadYourWritesScope.Current?.Required(route.Primary) ?? 0);
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
                return await ReplicaUnavailableAsync(resource, route, replica, e, state, run, ct).ConfigureAwait(false);
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
            return await ReplicaUnavailableAsync(resource, route, replica, e, state, run, ct).ConfigureAwait(false);
        }

        Counters.OnReplica();
        ReplicaLog.ReadServed(_logger, resource.Name, replica.Repo.Name, ReadRoute.Replica);
        return result;
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
            $"the read repo {replica.Repo.Name} cannot be reached ({why}); retry later, or set ReplicaOptions.WhenUnavailable = " +
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
        ReplicaLog.ReplicaDown(_logger, replica.Repo.Name, _options.RetryAfter, e.Message);
    }

    private static AshlarException NoPostgresSection(ResourceDefinition resource) =>
        AshlarException.From(new UnsupportedFeature($"{resource.Name} has no Postgres section") { Resource = resource.Name });
}
