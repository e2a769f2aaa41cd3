using System.Collections;
using System.Collections.Concurrent;
using Ashlar.DataLayer;
using Ashlar.Postgres.Errors;
using Ashlar.Postgres.Rows;
using Ashlar.Postgres.Sql.Caching;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Resources;

namespace Ashlar.Postgres.DataLayer;

public sealed partial class PostgresDataLayer
{
    /// <summary>The typed binder of each relationship loaded so far (relationships are the domain's own instances).</summary>
    private readonly ConcurrentDictionary<RelationshipDefinition, LoadBinder> _loadBinders = new(ReferenceEqualityComparer.Instance);

    /// <summary>How many statements the data layer has sent, for tests that count round trips.</summary>
    internal long CommandCount => _runner.CommandCount;

    /// <inheritdoc />
    public async ValueTask<long> CountAsync(ReadPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = await _router.ReadAsync(plan.Resource, plan.Lock, (Runner: _runner, Command: ReadCompiler.Count(Domain, plan), plan.Resource),
            static (source, count, ct) => count.Runner.QueryAsync(source, count.Command, count.Resource, WriteKind.Read, reader => reader.GetInt64(0), ct),
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    /// <inheritdoc />
    public async Task<TResult> TransactionAsync<TResult>(Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (AmbientTransaction.Current is not null)
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }

        var transaction = new AmbientTransaction();
        await using (transaction.ConfigureAwait(false))
        {
            AmbientTransaction.Current = transaction;
            try
            {
                var result = await work(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                await RecordCommitsAsync(transaction, cancellationToken).ConfigureAwait(false);
                return result;
            }
            finally
            {
                AmbientTransaction.Current = null;
            }
        }
    }

    /// <summary>Loads each relationship for all <paramref name="records"/> with one query per relationship level.</summary>
    private async ValueTask LoadAsync(ResourceDefinition resource, IEnumerable records, IReadOnlyList<LoadPlan> loads, string? tenant, CancellationToken cancellationToken)
    {
        for (var i = 0; i < loads.Count; i++)
        {
            var load = loads[i];
            var destination = load.Query.Resource;
            if (!load.Relationship.HasSqlJoin)
            {
                // A code-loaded relationship: one call of its loader for the whole level, then the nested loads in SQL.
                var related = await load.Relationship.LoadByCodeAsync(records, tenant, cancellationToken).ConfigureAwait(false);
                if (related.Count > 0 && load.Query.Loads.Count > 0)
                {
                    await LoadAsync(destination, related, load.Query.Loads, tenant, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            var binder = _loadBinders.GetOrAdd(load.Relationship, static (relationship, resources) =>
                LoadBinder.Create(resources.Source, relationship, resources.Destination), (Source: resource, Destination: destination));
            var nested = load.Query.Loads;
            var batch = binder.Begin(records, keepRecords: nested.Count > 0);
            if (batch.Keys.Length > 0)
            {
                var command = SqlCache.Load(load, batch.Keys, binder.KeyType, tenant);
                batch.ReadWith(RecordReader.For(destination, command));
                await _router.ReadAsync(destination, null, (Runner: _runner, Command: command, Destination: destination, Batch: batch),
                    static (source, load, ct) => load.Runner.QueryAsync<LoadBatch, int>(source, load.Command, load.Destination, WriteKind.Read, load.Batch, ct),
                    cancellationToken).ConfigureAwait(false);
                if (batch.Records is { Count: > 0 } loaded)
                {
                    await LoadAsync(destination, loaded, nested, tenant, cancellationToken).ConfigureAwait(false);
                }
            }

            batch.Assign();
        }
    }
}
