using Ashlar.Actions;
using Ashlar.Changesets;
using Ashlar.DataLayer;
using Ashlar.Diagnostics;
using Ashlar.Errors;
using Ashlar.Multitenancy;
using Ashlar.Queries;
using Ashlar.Resources;

namespace Ashlar.Domains;

public sealed partial class Domain
{
    /// <summary>
    /// Updates every record <paramref name="query"/> selects (its filter, through relationships too, its sort and limit)
    /// through an update action, in one statement: the input is validated once, update timestamps move, and the
    /// records are not read first. Returns how many records changed.
    /// </summary>
    /// <exception cref="InvalidException">The input is invalid, or the database refused the write.</exception>
    public async Task<long> UpdateAllAsync<T>(Query<T> query, object? input, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class =>
        (await WriteAllAsync(query, input, action, tenant, returnRecords: false, destroy: false, cancellationToken).ConfigureAwait(false)).Written;

    /// <summary>Updates every record <paramref name="query"/> selects, in one statement, and returns them as written.</summary>
    /// <exception cref="InvalidException">The input is invalid, or the database refused the write.</exception>
    public async Task<IReadOnlyList<T>> UpdateAllReturningAsync<T>(Query<T> query, object? input, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class =>
        (await WriteAllAsync(query, input, action, tenant, returnRecords: true, destroy: false, cancellationToken).ConfigureAwait(false)).Records;

    /// <summary>
    /// Destroys every record <paramref name="query"/> selects through a destroy action, in one statement; returns how
    /// many. Records that others still refer to make the whole statement fail (nothing is deleted).
    /// </summary>
    /// <exception cref="InvalidException">Other records still refer to one of them.</exception>
    public async Task<long> DestroyAllAsync<T>(Query<T> query, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class =>
        (await WriteAllAsync(query, null, action, tenant, returnRecords: false, destroy: true, cancellationToken).ConfigureAwait(false)).Written;

    /// <summary>
    /// Destroys every record <paramref name="query"/> selects through a destroy action that takes arguments, in one
    /// statement; a soft destroy sets its timestamp on each instead. Returns how many.
    /// </summary>
    /// <param name="query">The records to destroy.</param>
    /// <param name="input">The action's arguments: an anonymous object, a dictionary or a JSON object.</param>
    /// <param name="action">The destroy action to run; the primary one when null.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidException">The input is invalid, a validation failed, or other records still refer to one of them.</exception>
    public async Task<long> DestroyAllAsync<T>(Query<T> query, object? input, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class =>
        (await WriteAllAsync(query, input, action, tenant, returnRecords: false, destroy: true, cancellationToken).ConfigureAwait(false)).Written;

    private async Task<BulkBatchResult<T>> WriteAllAsync<T>(Query<T> query, object? input, string? action, string? tenant, bool returnRecords, bool destroy, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var resource = Model.Resource<T>();
        var definition = RequireAction(resource, destroy ? ActionKind.Destroy : ActionKind.Update, action);
        RefuseInQueryWrite(resource, definition);
        TenantCheck.Enter(resource, tenant);
        using var activity = AshlarActivitySource.StartAction(resource.Name, definition.Name, tenant);
        try
        {
            LogMessages.RunningAction(_logger, resource.Name, definition.Name);
            var bulk = DataLayer as IBulkDataLayer ?? throw AshlarException.From(new UnsupportedFeature(
                $"the data layer {DataLayer.GetType().Name} cannot write by query; read the records and write them one by one")
            { Resource = resource.Name });

            IReadOnlyList<FieldValue> changes = [];
            IReadOnlyList<AtomicChange> atomics = [];
            if (definition.HasLogic || (destroy && input is not null))
            {
                (changes, atomics) = await QueryWriteWithLogicAsync(resource, definition, input, tenant, cancellationToken).ConfigureAwait(false);
                if (!destroy && changes.Count == 0 && atomics.Count == 0)
                {
                    return new BulkBatchResult<T>(0, [], []);
                }
            }
            else if (!destroy)
            {
                var (plain, requested) = AtomicChanges.Split(resource, input);
                var changeset = Changeset.ForUpdateAll(resource, definition, plain, Model.TimeProvider, atomic: requested.Count + definition.Atomics.Count > 0);
                ThrowIfInvalid(changeset, resource, definition);
                atomics = Atomics(resource, definition, requested, changeset);
                if (!changeset.HasChanges && atomics.Count == 0)
                {
                    return new BulkBatchResult<T>(0, [], []);
                }

                changes = changeset.Values;
            }

            var plan = new QueryWritePlan(_planner.Read(resource, query, tenant), changes) { ReturnRecords = returnRecords, Atomics = atomics };
            return await Run(resource, definition, () => bulk.WriteAllAsync<T>(plan, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (activity.Fail(e))
        {
            throw; // never reached: Fail marks the activity and declines the exception
        }
    }

    /// <summary>
    /// An update or destroy by query through an action with logic: its arguments, its changes that need no record in
    /// memory (fixed values, values from arguments, atomic forms) and validations of the arguments and of the values
    /// given, once for the whole statement; a soft destroy sets its timestamp. Returns the values and atomic changes
    /// the statement makes (none for a hard destroy).
    /// </summary>
    private async Task<(IReadOnlyList<FieldValue> Changes, IReadOnlyList<AtomicChange> Atomics)> QueryWriteWithLogicAsync(
        ResourceDefinition resource, ActionDefinition action, object? input, string? tenant, CancellationToken cancellationToken)
    {
        var (plain, requested) = action.Kind == ActionKind.Update ? AtomicChanges.Split(resource, input) : (input, []);
        var changeset = Changeset.BeginQueryWrite(resource, action, plain, Model.TimeProvider, tenant, new ActionContext(this, this, tenant),
            atomic: requested.Count + action.Atomics.Count > 0);
        if (action.SoftDestroyAttribute is { } archive)
        {
            changeset.SetNow(archive);
        }

        await changeset.RunStepsAsync(cancellationToken).ConfigureAwait(false);
        if (changeset.HasActionHooks || changeset.HasAfterTransactionHooks)
        {
            throw AshlarException.From(new UnsupportedFeature(
                $"{action} has a change that adds a hook, which a write by query cannot run: hooks run around the write of each record; write the records one by one")
            { Resource = resource.Name });
        }

        changeset.Finish();
        ThrowIfInvalid(changeset, resource, action);
        if (action.Kind == ActionKind.Destroy && action.SoftDestroyAttribute is null)
        {
            return ([], []);
        }

        return (changeset.Values, Atomics(resource, action, requested, changeset));
    }

    /// <summary>
    /// Refuses an action whose steps a write by query cannot run (hooks, changes and validations that read the record
    /// in memory or write other records), naming the first such step and the fix.
    /// </summary>
    private static void RefuseInQueryWrite(ResourceDefinition resource, ActionDefinition action)
    {
        if (!action.HasLogic || action.Steps.FirstOrDefault(s => s.QueryWriteRefusal is not null) is not { } step)
        {
            return;
        }

        throw AshlarException.From(new UnsupportedFeature(
            $"{action} has {step.Description}, which a write by query cannot run: it {step.QueryWriteRefusal}; or write the records one by one (UpdateAsync / DestroyAsync)")
        { Resource = resource.Name });
    }
}
