using Ashlar.Actions;
using Ashlar.Changesets;
using Ashlar.DataLayer;
using Ashlar.Diagnostics;
using Ashlar.Errors;
using Ashlar.Multitenancy;
using Ashlar.Queries;

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

    private async Task<BulkBatchResult<T>> WriteAllAsync<T>(Query<T> query, object? input, string? action, string? tenant, bool returnRecords, bool destroy, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var resource = Model.Resource<T>();
        var definition = RequireAction(resource, destroy ? ActionKind.Destroy : ActionKind.Update, action);
        RefuseLogicInBulk(resource, definition);
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
            if (!destroy)
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
}
