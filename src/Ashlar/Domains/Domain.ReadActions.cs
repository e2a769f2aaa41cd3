using Ashlar.Actions;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Queries;
using Ashlar.Resources;

namespace Ashlar.Domains;

/// <summary>Read actions that prepare their queries: filters (reading the action's arguments), sorts, a limit, loads.</summary>
public sealed partial class Domain
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ActionDefinition, PreparedRead> _prepared = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Reads the one record a query selects, or null when none does: for <c>Get()</c> read actions, or any query
    /// expected to match at most one record.
    /// </summary>
    /// <exception cref="InvalidException">More than one record matches (<see cref="MultipleResults"/>), or the query is invalid.</exception>
    public async Task<T?> ReadOneAsync<T>(Query<T> query, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var resource = Model.Resource<T>();
        using var activity = BeginReadAction(resource, query.ActionName, tenant, out var action);
        try
        {
            var plan = Prepared(resource, action, query, _planner.Read(resource, query, tenant));
            var found = await DataLayer.ReadAsync<T>(plan with { Limit = 2 }, cancellationToken).ConfigureAwait(false);
            return found.Count switch
            {
                0 => null,
                1 => found[0],
                _ => throw new InvalidException([new MultipleResults($"{action} found more than one record where one was expected; narrow the filter") { Resource = resource.Name }]),
            };
        }
        catch (Exception e) when (activity.Fail(e))
        {
            throw; // never reached: Fail marks the activity and declines the exception
        }
    }

    /// <summary>
    /// Reads one page of the read action's default page size (<c>a.Pagination(20, 100)</c>); see the overload taking a
    /// limit for the rest.
    /// </summary>
    /// <exception cref="ArgumentException">The read action declares no default page size.</exception>
    public Task<Page<T>> PageAsync<T>(Query<T> query, string? after = null, int? offset = null, bool count = false,
        string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var resource = Model.Resource<T>();
        var action = RequireAction(resource, ActionKind.Read, query.ActionName);
        var size = action.DefaultPageSize ?? throw new ArgumentException(
            $"{action} of {resource.Name} declares no default page size; pass a limit, or declare a.Pagination(defaultPageSize: 20)", nameof(query));
        return PageAsync(query, size, after, offset, count, tenant, cancellationToken);
    }

    /// <summary>The plan with the read action's preparations applied; the plan itself when the action has none.</summary>
    private ReadPlan Prepared<T>(ResourceDefinition resource, ActionDefinition action, Query<T> query, ReadPlan plan)
        where T : class
    {
        if (action.Preparations is null && action.Arguments.Count == 0)
        {
            return query.ActionArguments is null
                ? plan
                : throw new InvalidException([new NoSuchInput($"{action} takes no arguments") { Resource = resource.Name }]);
        }

        var prepared = PreparedFor(resource, action);
        var sort = plan.Sort.Count > 0 ? plan.Sort : prepared.Sorts;
        var loads = plan.Loads.Concat(prepared.Loads
            .Where(r => !plan.Loads.Any(l => l.Relationship == r))
            .Select(r => new LoadPlan(r, new ReadPlan(Model.Resource(r.DestinationType))))).ToList();
        var limit = prepared.Limit is { } most && (plan.Limit is null || plan.Limit > most) ? most : plan.Limit;
        return plan with { Filter = And(plan.Filter, prepared.FilterFor(query.ActionArguments)), Sort = sort, Loads = loads, Limit = limit };
    }

    /// <summary>
    /// The plan with the read action's filter (and, for reads of records, its loads) applied: for reads by key and
    /// aggregates, where the action's sort and limit have no meaning.
    /// </summary>
    private ReadPlan Filtered(ResourceDefinition resource, ActionDefinition action, object? arguments, ReadPlan plan, bool loads)
    {
        if (action.Preparations is null && action.Arguments.Count == 0)
        {
            return arguments is null
                ? plan
                : throw new InvalidException([new NoSuchInput($"{action} takes no arguments") { Resource = resource.Name }]);
        }

        var prepared = PreparedFor(resource, action);
        plan = plan with { Filter = And(plan.Filter, prepared.FilterFor(arguments)) };
        return loads && prepared.Loads.Count > 0
            ? plan with { Loads = prepared.Loads.Select(r => new LoadPlan(r, new ReadPlan(Model.Resource(r.DestinationType)))).ToList() }
            : plan;
    }

    /// <summary>The read action's preparations, translated on its first run and kept.</summary>
    private PreparedRead PreparedFor(ResourceDefinition resource, ActionDefinition action) =>
        _prepared.GetOrAdd(action, static (a, state) => PreparedRead.Translate(state.Model, state.resource, a), (Model, resource));

    private static Expr? And(Expr? left, Expr? right) =>
        left is null ? right : right is null ? left : new BinaryExpr(BinaryOperator.And, left, right);
}
