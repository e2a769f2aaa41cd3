using System.Linq.Expressions;
using Ashlar.Errors;
using Ashlar.Queries;

namespace Ashlar.Domains;

public sealed partial class Domain
{
    /// <summary>Counts the records a query's filter selects (one <c>SELECT count(*)</c>).</summary>
    /// <exception cref="InvalidException">The query is invalid, or has a limit, offset or distinct.</exception>
    public Task<long> CountAsync<T>(Query<T> query, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class =>
        AggregateAsync(query, a => a.Count(), tenant, cancellationToken);

    /// <summary>Whether any record matches a query's filter (one <c>SELECT EXISTS (…)</c>).</summary>
    /// <exception cref="InvalidException">The query is invalid, or has a limit, offset or distinct.</exception>
    public async Task<bool> ExistsAsync<T>(Query<T> query, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var rows = await RunAggregateAsync<T, bool, bool>(query, null, null, tenant, cancellationToken).ConfigureAwait(false);
        return rows[0].Value;
    }

    /// <summary>
    /// Computes aggregates over every record a query's filter selects, in one statement: one
    /// (<c>a => a.Sum(p => p.Score)</c>) or several into a type of your own
    /// (<c>a => new { Posts = a.Count(), Score = a.Sum(p => p.Score) }</c>).
    /// </summary>
    /// <param name="query">Selects the records; only its filter applies (sorts, loads and selects are ignored).</param>
    /// <param name="aggregate">What to compute, with <see cref="Aggregations{T}"/>.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidException">
    /// The query or a field is invalid (e.g. a sum of text), or the query has a limit, offset or distinct.
    /// </exception>
    public async Task<TValue> AggregateAsync<T, TValue>(Query<T> query, Expression<Func<Aggregations<T>, TValue>> aggregate,
        string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var rows = await RunAggregateAsync<T, bool, TValue>(query, aggregate, null, tenant, cancellationToken).ConfigureAwait(false);
        return rows[0].Value;
    }

    /// <summary>
    /// Computes aggregates per group of the records a query's filter selects, in one <c>GROUP BY</c> statement:
    /// <c>await domain.AggregateByAsync(Query.For&lt;Comment&gt;().Filter(c => ids.Contains(c.PostId)), c => c.PostId, a => a.Count())</c>,
    /// or several per group (<c>a => new { Comments = a.Count(), Likes = a.Sum(c => c.Likes) }</c>).
    /// Groups with no records do not appear; the pairs come in no particular order (<c>.ToDictionary()</c> them
    /// for look-ups). A nil key is a group of its own.
    /// </summary>
    /// <param name="query">Selects the records; only its filter applies (sorts, loads and selects are ignored).</param>
    /// <param name="groupBy">The value records are grouped by: an attribute, a to-one related attribute or an expression.</param>
    /// <param name="aggregate">What to compute per group, with <see cref="Aggregations{T}"/>.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidException">
    /// The query, key or a field is invalid (e.g. a sum of text), or the query has a limit, offset or distinct.
    /// </exception>
    public Task<IReadOnlyList<KeyValuePair<TKey, TValue>>> AggregateByAsync<T, TKey, TValue>(Query<T> query,
        Expression<Func<T, TKey>> groupBy, Expression<Func<Aggregations<T>, TValue>> aggregate,
        string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(groupBy);
        ArgumentNullException.ThrowIfNull(aggregate);
        return RunAggregateAsync<T, TKey, TValue>(query, aggregate, groupBy, tenant, cancellationToken);
    }

    /// <summary>Runs an aggregate query after the read preamble (<see cref="BeginReadAction"/>), with the read action's filter (its arguments read from the query).</summary>
    private async Task<IReadOnlyList<KeyValuePair<TKey, TValue>>> RunAggregateAsync<T, TKey, TValue>(Query<T> query, LambdaExpression? aggregate,
        LambdaExpression? groupBy, string? tenant, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var resource = Model.Resource<T>();
        using var activity = BeginReadAction(resource, query.ActionName, tenant, out var action);
        try
        {
            var plan = _planner.Aggregate(query, aggregate, groupBy, tenant);
            plan = plan with { Query = Filtered(resource, action, query.ActionArguments, plan.Query, loads: false) };
            return await DataLayer.AggregateAsync<TKey, TValue>(plan, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (activity.Fail(e))
        {
            throw; // never reached: Fail marks the activity and declines the exception
        }
    }
}
