using System.Runtime.CompilerServices;
using Ashlar.Actions;
using Ashlar.DataLayer;
using Ashlar.Diagnostics;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Multitenancy;
using Ashlar.Resources;

namespace Ashlar.Bulk;

/// <summary>
/// Bulk create and upsert on a <see cref="Domain"/>: many records per statement (binary COPY or <c>unnest</c>
/// batches), errors by input position.
/// </summary>
public static class DomainBulkExtensions
{
    /// <summary>
    /// Creates many records through a create action: each input is validated and defaulted exactly as
    /// by binary COPY when no records are asked for, else one <c>INSERT … SELECT FROM unnest(…)</c> per batch.
    /// Errors do not throw: they are in the result, by input position (see <see cref="BulkResult{T}.ThrowIfFailed"/>).
    /// </summary>
    /// <see cref="Domain.CreateAsync{T}(object?, string?, string?, CancellationToken)"/> would, then the rows go in batches of <see cref="BulkCreateOptions.BatchSize"/> —
    /// <param name="domain">The domain.</param>
    /// <param name="inputs">Anonymous objects, dictionaries or JSON objects (or records), as for <see cref="Domain.CreateAsync{T}(object?, string?, string?, CancellationToken)"/>.</param>
    /// <param name="options">Batch size, transaction, error handling, records and upsert; defaults suit an import.</param>
    /// <param name="cancellationToken">Cancels the operation (an unfinished batch or COPY writes nothing).</param>
    /// <exception cref="ArgumentException">The options name an unknown action, identity or field.</exception>
    public static Task<BulkResult<T>> BulkCreateAsync<T>(this Domain domain, IEnumerable<object?> inputs, BulkCreateOptions? options = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return domain.BulkCreateAsync<T>(AsAsync(inputs), options, cancellationToken);
    }

    /// <summary>Creates many records read from an asynchronous sequence; see the overload taking a list.</summary>
    /// <exception cref="ArgumentException">The options name an unknown action, identity or field.</exception>
    public static async Task<BulkResult<T>> BulkCreateAsync<T>(this Domain domain, IAsyncEnumerable<object?> inputs, BulkCreateOptions? options = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new BulkCreateOptions();
        var (run, plan, bulk) = domain.StartBulk<T>(options);
        var records = new List<T>();
        var enumerator = inputs.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            if (bulk.CanCopy(plan))
            {
                await run.CopyAsync(enumerator, cancellationToken).ConfigureAwait(false);
            }
            else if (options.Transaction == BulkTransaction.All && await run.SingleBatchAsync(enumerator, cancellationToken).ConfigureAwait(false))
            {
                // One batch is written atomically on its own (see IBulkDataLayer.InsertBatchAsync): no transaction around it.
                await foreach (var batch in run.BatchesAsync(enumerator, cancellationToken).ConfigureAwait(false))
                {
                    records.AddRange(batch);
                }

                if (run.Failed)
                {
                    run.RolledBack();
                    records.Clear();
                }
            }
            else if (options.Transaction == BulkTransaction.All)
            {
                try
                {
                    await domain.DataLayer.TransactionAsync(async ct =>
                    {
                        await foreach (var batch in run.BatchesAsync(enumerator, ct).ConfigureAwait(false))
                        {
                            records.AddRange(batch);
                        }

                        return run.Failed ? throw new BulkAbort() : true;
                    }, cancellationToken).ConfigureAwait(false);
                }
                catch (BulkAbort)
                {
                    run.RolledBack();
                    records.Clear();
                }
            }
            else
            {
                await foreach (var batch in run.BatchesAsync(enumerator, cancellationToken).ConfigureAwait(false))
                {
                    records.AddRange(batch);
                }
            }
        }

        return new BulkResult<T>(run.Written, records, run.Errors, run.Skipped, run.Written > 0);
    }

    /// <summary>
    /// Creates many records and yields them as stored, in input order, batch by batch as each batch commits
    /// (<see cref="BulkTransaction.Batch"/>). The first error ends the stream with an <see cref="AshlarException"/>
    /// naming the input positions; batches yielded before it stay written.
    /// </summary>
    /// <exception cref="AshlarException">An input is invalid or the database refused a batch.</exception>
    public static async IAsyncEnumerable<T> BulkCreateStreamAsync<T>(this Domain domain, IAsyncEnumerable<object?> inputs, BulkCreateOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options = (options ?? new BulkCreateOptions()) with { Transaction = BulkTransaction.Batch, StopOnError = true, ReturnRecords = true };
        var (run, _, _) = domain.StartBulk<T>(options);
        var enumerator = inputs.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            await foreach (var batch in run.BatchesAsync(enumerator, cancellationToken).ConfigureAwait(false))
            {
                foreach (var record in batch)
                {
                    yield return record;
                }
            }
        }

        new BulkResult<T>(run.Written, [], run.Errors, [], run.Written > 0).ThrowIfFailed();
    }

    /// <summary>Creates many records from a list and yields them as stored; see the overload taking an asynchronous sequence.</summary>
    /// <exception cref="AshlarException">An input is invalid or the database refused a batch.</exception>
    public static IAsyncEnumerable<T> BulkCreateStreamAsync<T>(this Domain domain, IEnumerable<object?> inputs, BulkCreateOptions? options = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return domain.BulkCreateStreamAsync<T>(AsAsync(inputs), options, cancellationToken);
    }

    /// <summary>
    /// Creates a record, or — when its primary key or identity exists — updates that row as <paramref name="upsert"/>
    /// says, in one statement. Returns the record as stored, or null when the existing row was kept (no upsert fields,
    /// or the upsert condition failed).
    /// </summary>
    /// <exception cref="InvalidException">The input is invalid or the database refused the write.</exception>
    public static async Task<T?> UpsertAsync<T>(this Domain domain, object? input, Upsert upsert, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(upsert);
        var options = new BulkCreateOptions { Action = action, Tenant = tenant, BatchSize = 1, ReturnRecords = true, Upsert = upsert };
        var result = await domain.BulkCreateAsync<T>([input], options, cancellationToken).ConfigureAwait(false);
        if (result.Errors.Count > 0)
        {
            throw AshlarException.From(result.Errors[0].Errors);
        }

        return result.Records.Count == 0 ? null : result.Records[0];
    }

    private static (BulkCreateRun<T> Run, BulkCreatePlan Plan, IBulkDataLayer Bulk) StartBulk<T>(this Domain domain, BulkCreateOptions options)
        where T : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.BatchSize, BulkCreateOptions.MaxBatchSize, nameof(options));
        var resource = domain.Model.Resource<T>();
        var definition = Domain.RequireAction(resource, ActionKind.Create, options.Action);
        Domain.RefuseLogicInBulk(resource, definition, perRow: options.Upsert is null);
        TenantCheck.Enter(resource, options.Tenant);
        using var activity = AshlarActivitySource.StartAction(resource.Name, definition.Name, options.Tenant);
        try
        {
            LogMessages.RunningAction(domain.Logger, resource.Name, definition.Name);
            var bulk = domain.DataLayer as IBulkDataLayer ?? throw AshlarException.From(new UnsupportedFeature(
                $"the data layer {domain.DataLayer.GetType().Name} cannot write in bulk; create the records one by one")
            { Resource = resource.Name });
            var plan = BulkPlanner.Plan(domain.Model, resource, definition, options);
            var context = definition.HasLogic ? new ActionContext(domain, domain, options.Tenant) : null;
            return (new BulkCreateRun<T>(resource, definition, domain.Model.TimeProvider, options, plan, bulk, context), plan, bulk);
        }
        catch (Exception e) when (activity.Fail(e))
        {
            throw; // never reached: Fail marks the activity and declines the exception
        }
    }

    private static async IAsyncEnumerable<object?> AsAsync(IEnumerable<object?> inputs)
    {
        foreach (var input in inputs)
        {
            yield return input;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
