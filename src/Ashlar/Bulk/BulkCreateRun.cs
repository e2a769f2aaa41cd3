using System.Runtime.CompilerServices;
using Ashlar.Actions;
using Ashlar.Changesets;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Multitenancy;
using Ashlar.Resources;

namespace Ashlar.Bulk;

/// <summary>
/// One bulk create: reads the inputs once, validates and defaults each exactly as a single create would, and sends
/// them batch by batch (or as one COPY stream) while keeping every error by input position.
/// </summary>
/// <typeparam name="T">The resource class.</typeparam>
internal sealed class BulkCreateRun<T>(
    ResourceDefinition resource,
    ActionDefinition action,
    TimeProvider time,
    BulkCreateOptions options,
    BulkCreatePlan plan,
    IBulkDataLayer dataLayer,
    ActionContext? context)
    where T : class
{
    private readonly List<BulkError> _errors = [];
    private readonly BulkCreateOptions _options = options;
    private readonly FieldValue? _owner = TenantCheck.Owner(resource, options.Tenant);
    private readonly BulkRowBuilder? _builder = context is null
        ? BulkRowBuilder.For(resource, action, plan.Columns, time, TenantCheck.Owner(resource, options.Tenant))
        : null;

    private readonly List<int> _positions = new(Math.Min(options.BatchSize, 10_000));
    private readonly List<IReadOnlyList<FieldValue>> _rows = new(Math.Min(options.BatchSize, 10_000));
    private int _read;
    private int _start;
    private bool _more = true;
    private bool _filled;
    private bool _peeked;

    public IReadOnlyList<BulkError> Errors => _errors;

    public long Written { get; private set; }

    public List<int> Skipped { get; } = [];

    /// <summary>True once an error means nothing more is written (all or nothing, or stop on error).</summary>
    public bool Failed { get; private set; }

    /// <summary>Forgets what was written (the transaction rolled back).</summary>
    public void RolledBack()
    {
        Written = 0;
        Skipped.Clear();
    }

    /// <summary>Streams every input through one COPY per transaction unit (the whole call, or each batch).</summary>
    public async Task CopyAsync(IAsyncEnumerator<object?> inputs, CancellationToken cancellationToken)
    {
        var more = true;
        while (more && !Failed)
        {
            var start = _read;
            var limit = _options.Transaction == BulkTransaction.All ? int.MaxValue : _options.BatchSize;
            var batch = new CopyBatch(this, inputs, limit);
            try
            {
                Written += await dataLayer.CopyAsync(plan, batch.Rows(cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (BulkAbort)
            {
                // An invalid input cancelled the stream: nothing of it was written.
            }
            catch (AshlarException e)
            {
                _errors.Add(new BulkError(start, _read - start, e.Errors));
                Failed |= _options.StopOnError || _options.Transaction == BulkTransaction.All;
            }

            more = batch.More;
        }

        await DrainAsync(inputs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads and validates the first batch, then whether any input follows it: true when that batch is all there is
    /// (or nothing will be written), so one statement — atomic on its own — carries the whole call.
    /// </summary>
    public async ValueTask<bool> SingleBatchAsync(IAsyncEnumerator<object?> inputs, CancellationToken cancellationToken)
    {
        await FillAsync(inputs, cancellationToken).ConfigureAwait(false);
        _filled = true;
        if (Failed || !_more)
        {
            return true;
        }

        _peeked = _more = await inputs.MoveNextAsync().ConfigureAwait(false);
        return !_more;
    }

    /// <summary>Sends the inputs batch by batch as statements; yields each batch's records once it is written.</summary>
    public async IAsyncEnumerable<IReadOnlyList<T>> BatchesAsync(IAsyncEnumerator<object?> inputs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while ((_more || _filled) && !Failed)
        {
            if (!_filled)
            {
                await FillAsync(inputs, cancellationToken).ConfigureAwait(false);
            }

            _filled = false;
            if (Failed || _rows.Count == 0)
            {
                continue;
            }

            BulkBatchResult<T> result;
            try
            {
                result = await dataLayer.InsertBatchAsync<T>(plan, _rows, cancellationToken).ConfigureAwait(false);
            }
            catch (AshlarException e)
            {
                _errors.Add(new BulkError(_start, _read - _start, e.Errors));
                Failed |= _options.StopOnError || _options.Transaction == BulkTransaction.All;
                continue;
            }

            Written += result.Written;
            foreach (var skipped in result.Skipped)
            {
                Skipped.Add(_positions[skipped]);
            }

            yield return result.Records;
        }

        await DrainAsync(inputs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the next batch's inputs and keeps the valid rows; an invalid one ends the run when it must.</summary>
    private async ValueTask FillAsync(IAsyncEnumerator<object?> inputs, CancellationToken cancellationToken)
    {
        _rows.Clear();
        _positions.Clear();
        _start = _read;
        var invalid = false;
        while (_read - _start < _options.BatchSize && (_more = await NextAsync(inputs).ConfigureAwait(false)))
        {
            var position = _read;
            if (await ValidateAsync(inputs.Current, cancellationToken).ConfigureAwait(false) is { } row)
            {
                _rows.Add(row);
                _positions.Add(position);
            }
            else
            {
                invalid = true;
            }
        }

        if (invalid && (_options.StopOnError || _options.Transaction == BulkTransaction.All))
        {
            Failed = true;
        }
    }

    /// <summary>Moves to the next input, or stays on the one <see cref="SingleBatchAsync"/> looked ahead to.</summary>
    private ValueTask<bool> NextAsync(IAsyncEnumerator<object?> inputs)
    {
        if (!_peeked)
        {
            return inputs.MoveNextAsync();
        }

        _peeked = false;
        return new(true);
    }

    /// <summary>The input's values as a single create would write them, or null after recording its errors.</summary>
    private ValueTask<IReadOnlyList<FieldValue>?> ValidateAsync(object? input, CancellationToken cancellationToken) =>
        context is null ? new(Validate(input)) : ValidateWithLogicAsync(input, context, cancellationToken);

    /// <summary>For an action with logic: its arguments, changes and validations run on the input row (all run per row; see <c>RefuseLogicInBulk</c>).</summary>
    private async ValueTask<IReadOnlyList<FieldValue>?> ValidateWithLogicAsync(object? input, ActionContext actionContext, CancellationToken cancellationToken)
    {
        var index = _read++;
        var changeset = Changeset.Begin(resource, action, null, input, time, _options.Tenant, null, actionContext);
        await changeset.RunStepsAsync(cancellationToken).ConfigureAwait(false);
        changeset.Finish();
        if (changeset.Errors.Count == 0)
        {
            return changeset.Values;
        }

        _errors.Add(new BulkError(index, 1, changeset.Errors.ToList()));
        return null;
    }

    private IReadOnlyList<FieldValue>? Validate(object? input)
    {
        var index = _read++;
        if (_builder?.TryBuild(input) is { } row)
        {
            return row;
        }

        var changeset = Changeset.ForCreate(resource, action, input, time, _owner);
        if (changeset.Errors.Count == 0)
        {
            return changeset.Values;
        }

        _errors.Add(new BulkError(index, 1, changeset.Errors.ToList()));
        return null;
    }

    /// <summary>
    /// After an error that writes nothing more: with StopOnError the rest is left unread; otherwise the remaining
    /// inputs are still validated, so the caller learns of every invalid one at once.
    /// </summary>
    private async Task DrainAsync(IAsyncEnumerator<object?> inputs, CancellationToken cancellationToken)
    {
        if (!Failed || _options.StopOnError)
        {
            return;
        }

        while (await NextAsync(inputs).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ValidateAsync(inputs.Current, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One COPY stream's rows: up to <c>limit</c> inputs, validated as they are read.</summary>
    private sealed class CopyBatch(BulkCreateRun<T> run, IAsyncEnumerator<object?> inputs, int limit)
    {
        public bool More { get; private set; } = true;

        public async IAsyncEnumerable<IReadOnlyList<FieldValue>> Rows([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var taken = 0;
            var invalid = false;
            while (taken < limit && (More = await inputs.MoveNextAsync().ConfigureAwait(false)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                taken++;
                if (await run.ValidateAsync(inputs.Current, cancellationToken).ConfigureAwait(false) is { } row)
                {
                    if (!invalid)
                    {
                        yield return row;
                    }
                }
                else if (run._options.StopOnError || run._options.Transaction == BulkTransaction.All)
                {
                    run.Failed = true;
                    if (run._options.StopOnError)
                    {
                        throw new BulkAbort();
                    }

                    // All or nothing, every error reported: keep validating this stream, write nothing more.
                    invalid = true;
                }
            }

            if (invalid)
            {
                throw new BulkAbort();
            }
        }
    }
}
