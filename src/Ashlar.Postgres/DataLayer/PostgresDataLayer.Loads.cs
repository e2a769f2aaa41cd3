using System.Collections;
using Ashlar.DataLayer;
using Ashlar.Postgres.Errors;
using Ashlar.Postgres.Sql;
using Ashlar.Postgres.Types;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Postgres.DataLayer;

public sealed partial class PostgresDataLayer
{
    /// <summary>How many statements the data layer has sent, for tests that count round trips.</summary>
    internal long CommandCount => _runner.CommandCount;

    /// <inheritdoc />
    public async ValueTask<long> CountAsync(ReadPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = await _runner.QueryAsync(SourceFor(plan.Resource), ReadCompiler.Count(Domain, plan), plan.Resource, WriteKind.Read,
            reader => reader.GetInt64(0), cancellationToken).ConfigureAwait(false);
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
        var parents = records.Cast<object>().ToList();
        foreach (var load in loads)
        {
            var relationship = load.Relationship;
            var keyType = resource.Attribute(relationship.SourceAttribute)!.Type;
            var keys = parents.Select(p => resource.GetValue(p, relationship.SourceAttribute)).Where(k => k is not null).Distinct().ToList();
            var destination = load.Query.Resource;
            var rows = new List<(object Key, object Record)>();
            if (keys.Count > 0)
            {
                var keyArray = TypedCollections.ToArray(keyType.ClrType, keys);

                var command = LoadCompiler.Compile(Domain, load, keyArray, keyType, tenant);
                var record = RecordReader.For<object>(destination, command);
                rows = await _runner.QueryAsync(SourceFor(destination), command, destination, WriteKind.Read,
                    reader => (ValueConverter.Read(reader, 0, keyType)!, record(reader)),
                    cancellationToken).ConfigureAwait(false);
            }

            if (load.Query.Loads.Count > 0 && rows.Count > 0)
            {
                await LoadAsync(destination, rows.Select(r => r.Record), load.Query.Loads, tenant, cancellationToken).ConfigureAwait(false);
            }

            Assign(resource, relationship, destination, parents, rows);
        }
    }

    private static void Assign(ResourceDefinition resource, RelationshipDefinition relationship, ResourceDefinition destination, List<object> parents, List<(object Key, object Record)> rows)
    {
        var byKey = new Dictionary<object, List<object>>();
        foreach (var (key, record) in rows)
        {
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
            }

            list.Add(record);
        }

        foreach (var parent in parents)
        {
            var key = resource.GetValue(parent, relationship.SourceAttribute);
            var related = key is not null && byKey.TryGetValue(key, out var found) ? found : [];
            resource.SetValue(parent, relationship.Name, relationship.IsToOne
                ? related.FirstOrDefault()
                : TypedCollections.Create(relationship.Property.PropertyType, destination.ClrType, related));
        }
    }

}
