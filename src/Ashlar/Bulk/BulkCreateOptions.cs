namespace Ashlar.Bulk;

/// <summary>How <c>Domain.BulkCreateAsync</c> writes its inputs. Immutable; the defaults suit an import.</summary>
public sealed record BulkCreateOptions
{
    /// <summary>The largest batch size accepted.</summary>
    public const int MaxBatchSize = 100_000;

    /// <summary>The create action to run; the primary one when null.</summary>
    public string? Action { get; init; }

    /// <summary>The tenant, for multitenant resources.</summary>
    public string? Tenant { get; init; }

    /// <summary>Inputs validated and sent per statement (1 to <see cref="MaxBatchSize"/>). Default 1,000.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>
    /// <see cref="BulkTransaction.All"/> (the default): all or nothing. <see cref="BulkTransaction.Batch"/>: each batch
    /// commits on its own, so an error leaves the batches before it written.
    /// </summary>
    public BulkTransaction Transaction { get; init; } = BulkTransaction.All;

    /// <summary>
    /// Stop at the first error (the default). When false, invalid inputs are skipped and reported and, batch by
    /// batch, a batch the database refuses is reported and the next one still runs; with
    /// <see cref="BulkTransaction.All"/> nothing is written anyway, but every invalid input is reported.
    /// </summary>
    public bool StopOnError { get; init; } = true;

    /// <summary>Return the records as stored, in input order. Off by default: without it the rows go by binary COPY.</summary>
    public bool ReturnRecords { get; init; }

    /// <summary>Upsert on the primary key or an identity instead of refusing existing rows; null for a plain create.</summary>
    public Upsert? Upsert { get; init; }
}
