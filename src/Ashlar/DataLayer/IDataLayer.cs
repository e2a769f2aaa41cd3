using System.Diagnostics.CodeAnalysis;

namespace Ashlar.DataLayer;

/// <summary>
/// Where resources are stored. The domain hands a data layer one immutable plan per operation;
/// the data layer turns it into storage operations (for PostgreSQL: one SQL statement) and records.
/// </summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public interface IDataLayer : IAsyncDisposable
{
    /// <summary>Whether the data layer can carry out <paramref name="feature"/> for the resource.</summary>
    bool Can(Resources.ResourceDefinition resource, DataLayerFeature feature);

    /// <summary>Reads the records the plan selects.</summary>
    ValueTask<IReadOnlyList<T>> ReadAsync<T>(ReadPlan plan, CancellationToken cancellationToken)
        where T : class;

    /// <summary>
    /// Reads the records the plan selects, each with its values of the plan's sort expressions (see
    /// <see cref="ReadResult{T}"/>): keyset pages continue after the last record's values.
    /// </summary>
    ValueTask<ReadResult<T>> ReadWithSortValuesAsync<T>(ReadPlan plan, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Counts the records the plan's filter selects (ignoring its sort, limit and offset).</summary>
    ValueTask<long> CountAsync(ReadPlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Computes an aggregate over the records the plan's filter selects: one pair per distinct value of
    /// <see cref="AggregatePlan.GroupBy"/> (in no particular order; a composite key is built with
    /// <typeparamref name="TKey"/>'s constructor taking the parts in order), or with no grouping a single pair whose
    /// key is the default of <typeparamref name="TKey"/>. Several aggregates (<see cref="AggregatePlan.CompositeValue"/>)
    /// are built with <typeparamref name="TValue"/>'s constructor the same way.
    /// </summary>
    ValueTask<IReadOnlyList<KeyValuePair<TKey, TValue>>> AggregateAsync<TKey, TValue>(AggregatePlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction: every operation inside it (on this async flow) uses the same
    /// connection; it commits when the work returns and rolls back when it throws. A nested call joins the outer one.
    /// </summary>
    Task<TResult> TransactionAsync<TResult>(Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken);

    /// <summary>Inserts one record and returns it as stored (with generated values).</summary>
    ValueTask<T> CreateAsync<T>(CreatePlan plan, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Updates one record; returns it as stored, or null when no row has that key any more.</summary>
    ValueTask<T?> UpdateAsync<T>(UpdatePlan plan, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Deletes one record; returns false when no row has that key any more.</summary>
    ValueTask<bool> DestroyAsync(DestroyPlan plan, CancellationToken cancellationToken);
}
