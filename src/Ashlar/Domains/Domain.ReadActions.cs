using Ashlar.Actions;
using Ashlar.Changesets;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;
using Ashlar.Queries;
using Ashlar.Resources;

namespace Ashlar.Domains;

/// <summary>Read actions that prepare their queries: filters (reading the action's arguments), sorts, a limit, loads.</summary>
public sealed partial class Domain
{
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
        var plan = Prepared(resource, action, query, _planner.Read(resource, query, tenant));
        var found = await DataLayer.ReadAsync<T>(plan with { Limit = 2 }, cancellationToken).ConfigureAwait(false);
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new InvalidException([new MultipleResults($"{action} found more than one record where one was expected; narrow the filter") { Resource = resource.Name }]),
        };
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
            if (query.ActionArguments is not null)
            {
                throw new InvalidException([new NoSuchInput($"{action} takes no arguments") { Resource = resource.Name }]);
            }

            return plan;
        }

        var arguments = ArgumentReader.Read(resource, action, query.ActionArguments);
        var preparations = action.Preparations ?? new ReadPreparations();
        var filter = plan.Filter;
        foreach (var lambda in preparations.Filters)
        {
            var translated = lambda.Parameters.Count > 1
                ? LambdaTranslator.Translate(Model, resource, lambda, arguments)
                : LambdaTranslator.Translate(Model, resource, lambda);
            filter = filter is null ? translated : new BinaryExpr(BinaryOperator.And, filter, translated);
        }

        var sort = plan.Sort.Count > 0 ? plan.Sort : preparations.Sorts.Select(s => new SortKey(LambdaTranslator.Translate(Model, resource, s.Field), s.Descending)).ToList();
        var loads = plan.Loads.Concat(preparations.Loads
            .Where(name => !plan.Loads.Any(l => l.Relationship.Property.Name == name))
            .Select(name => resource.Relationships.First(r => r.Property.Name == name))
            .Select(r => new LoadPlan(r, new ReadPlan(Model.Resource(r.DestinationType))))).ToList();
        var limit = preparations.Limit is { } most && (plan.Limit is null || plan.Limit > most) ? most : plan.Limit;
        return plan with { Filter = filter, Sort = sort, Loads = loads, Limit = limit };
    }
}
