using System.Diagnostics.CodeAnalysis;

namespace Ashlar.DataLayer;

/// <summary>A data layer that writes many records per statement (bulk create and upsert).</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public interface IBulkDataLayer
{
    /// <summary>
    /// Whether <see cref="CopyAsync"/> can carry out the plan: no records asked for, no upsert, and every column
    /// storable by a plain stream of values.
    /// </summary>
    bool CanCopy(BulkCreatePlan plan);

    /// <summary>
    /// Streams the rows into the table as one atomic operation (for PostgreSQL: binary COPY) and returns how many
    /// were written. An exception from <paramref name="rows"/> cancels it: nothing is written.
    /// </summary>
    ValueTask<long> CopyAsync(BulkCreatePlan plan, IAsyncEnumerable<IReadOnlyList<FieldValue>> rows, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts (or upserts) one batch of rows atomically: all of them or, on an error, none (for PostgreSQL: one
    /// statement, or a transaction when its rows need several). A bulk create sends a single batch without a
    /// transaction around it. A row is usually one value per plan column, in the plan's order.
    /// </summary>
    ValueTask<BulkBatchResult<T>> InsertBatchAsync<T>(BulkCreatePlan plan, IReadOnlyList<IReadOnlyList<FieldValue>> rows, CancellationToken cancellationToken)
        where T : class;

    /// <summary>
    /// Updates (or, with no changes, deletes) every record the plan's query selects in one statement; returns how many,
    /// and the records as written when asked.
    /// </summary>
    ValueTask<BulkBatchResult<T>> WriteAllAsync<T>(QueryWritePlan plan, CancellationToken cancellationToken)
        where T : class;
}
