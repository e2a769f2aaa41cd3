using Ashlar.Actions;
using Ashlar.Diagnostics;
using Ashlar.Errors;
using Ashlar.Multitenancy;
using Ashlar.Queries;
using Ashlar.Resources;

namespace Ashlar.Domains;

public sealed partial class Domain
{
    /// <summary>Reads the records a query selects.</summary>
    /// <exception cref="InvalidException">The query names an unknown field or a value of the wrong type.</exception>
    public async Task<IReadOnlyList<T>> ReadAsync<T>(Query<T> query, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var resource = Model.Resource<T>();
        using var activity = BeginReadAction(resource, query.ActionName, tenant, out var action);
        try
        {
            return await DataLayer.ReadAsync<T>(Prepared(resource, action, query, _planner.Read(resource, query, tenant)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (activity.Fail(e))
        {
            throw; // never reached: Fail marks the activity and declines the exception
        }
    }

    /// <summary>
    /// Reads the record with this primary key, or returns null when there is none. The primary read action's filter
    /// and loads apply (a record it filters out, such as a soft-destroyed one, is not found).
    /// </summary>
    /// <param name="key">The key's value, or for a composite key an anonymous object / dictionary of its attributes.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<T?> FindAsync<T>(object key, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var resource = Model.Resource<T>();
        using var activity = BeginReadAction(resource, null, tenant, out var action);
        try
        {
            var plan = Filtered(resource, action, null, QueryPlanner.Find(resource, key, tenant), loads: true);
            var found = await DataLayer.ReadAsync<T>(plan, cancellationToken).ConfigureAwait(false);
            return found.Count == 0 ? null : found[0];
        }
        catch (Exception e) when (activity.Fail(e))
        {
            throw; // never reached: Fail marks the activity and declines the exception
        }
    }

    /// <summary>Reads the record with this primary key.</summary>
    /// <exception cref="InvalidException">No record has this key (<see cref="NotFound"/>), or the key is of the wrong type.</exception>
    public async Task<T> GetAsync<T>(object key, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class =>
        await FindAsync<T>(key, tenant, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidException([new NotFound($"no record has the key {key}") { Resource = typeof(T).Name }]);

    /// <summary>What every read runs first: the read action checked (and given), an activity started and a log line written.</summary>
    /// <exception cref="InvalidException">The resource has no such read action (<see cref="NoSuchAction"/>).</exception>
    private ActionScope BeginReadAction(ResourceDefinition resource, string? actionName, string? tenant, out ActionDefinition action) =>
        BeginAction(resource, ActionKind.Read, actionName, tenant, out action);

    /// <summary>
    /// What every single-record action runs first: the action of <paramref name="kind"/> checked, the tenant checked,
    /// an activity started and a log line written.
    /// </summary>
    private ActionScope BeginAction(ResourceDefinition resource, ActionKind kind, string? actionName, string? tenant, out ActionDefinition action)
    {
        action = RequireAction(resource, kind, actionName);
        TenantCheck.Enter(resource, tenant);
        var activity = AshlarActivitySource.StartAction(resource.Name, action.Name, tenant);
        LogMessages.RunningAction(_logger, resource.Name, action.Name);
        return activity;
    }
}
