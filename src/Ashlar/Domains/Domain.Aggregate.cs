using System.Linq.Expressions;
using Ashlar.Actions;
using Ashlar.DataLayer;
using Ashlar.Diagnostics;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;
using Ashlar.Queries;
using Ashlar.Resources;
using Ashlar.Types;

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
        var plan = AggregatePlanOf(query, new Aggregation<T, bool>(AggregateKind.Exists, null, false), null, tenant);
        var rows = await RunAggregateAsync<T, bool, bool>(query, plan, cancellationToken).ConfigureAwait(false);
        return rows[0].Value;
    }

    /// <summary>
    /// Computes one aggregate over every record a query's filter selects, in the database:
    /// <c>await domain.AggregateAsync(Query.For&lt;Post&gt;().Filter(p => p.Published), a => a.Sum(p => p.Score))</c>.
    /// </summary>
    /// <param name="query">Selects the records; only its filter applies (sorts, loads and selects are ignored).</param>
    /// <param name="aggregate">What to compute, from <see cref="Aggregations{T}"/>.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidException">
    /// The query or field is invalid (e.g. a sum of text), or the query has a limit, offset or distinct.
    /// </exception>
    public async Task<TValue> AggregateAsync<T, TValue>(Query<T> query, Func<Aggregations<T>, Aggregation<T, TValue>> aggregate,
        string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var plan = AggregatePlanOf(query, aggregate(Aggregations<T>.Instance), null, tenant);
        var rows = await RunAggregateAsync<T, bool, TValue>(query, plan, cancellationToken).ConfigureAwait(false);
        return rows[0].Value;
    }

    /// <summary>
    /// Computes one aggregate per group of the records a query's filter selects, in one <c>GROUP BY</c> statement:
    /// <c>await domain.AggregateByAsync(Query.For&lt;Comment&gt;().Filter(c => ids.Contains(c.PostId)), c => c.PostId, a => a.Count())</c>.
    /// Groups with no records do not appear; the pairs come in no particular order (<c>.ToDictionary()</c> them
    /// for look-ups). A nil key is a group of its own.
    /// </summary>
    /// <param name="query">Selects the records; only its filter applies (sorts, loads and selects are ignored).</param>
    /// <param name="groupBy">The value records are grouped by: an attribute, a to-one related attribute or an expression.</param>
    /// <param name="aggregate">What to compute per group, from <see cref="Aggregations{T}"/>.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidException">
    /// The query, key or field is invalid (e.g. a sum of text), or the query has a limit, offset or distinct.
    /// </exception>
    public Task<IReadOnlyList<KeyValuePair<TKey, TValue>>> AggregateByAsync<T, TKey, TValue>(Query<T> query,
        Expression<Func<T, TKey>> groupBy, Func<Aggregations<T>, Aggregation<T, TValue>> aggregate,
        string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(groupBy);
        ArgumentNullException.ThrowIfNull(aggregate);
        var plan = AggregatePlanOf(query, aggregate(Aggregations<T>.Instance), groupBy, tenant);
        return RunAggregateAsync<T, TKey, TValue>(query, plan, cancellationToken);
    }

    private async Task<IReadOnlyList<KeyValuePair<TKey, TValue>>> RunAggregateAsync<T, TKey, TValue>(Query<T> query, AggregatePlan plan, CancellationToken cancellationToken)
        where T : class
    {
        var action = RequireAction(plan.Query.Resource, ActionKind.Read, query.ActionName);
        using var activity = AshlarActivitySource.StartAction(plan.Query.Resource.Name, action.Name, plan.Query.Tenant);
        return await DataLayer.AggregateAsync<TKey, TValue>(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The plan of an aggregate query, also used to show its SQL.</summary>
    internal AggregatePlan AggregatePlanOf<T, TValue>(Query<T> query, Aggregation<T, TValue> aggregation, LambdaExpression? groupBy, string? tenant)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(aggregation);
        var resource = Model.Resource<T>();
        var read = Plan(resource, query) with { Tenant = tenant };
        var errors = new List<AshlarError>();
        if (read.Limit is not null || read.Offset is not null || read.Distinct.Count > 0)
        {
            const string message = "an aggregate query takes a filter only: a limit, offset or distinct would aggregate an arbitrary subset; " +
                "narrow the records with Filter instead";
            errors.Add(new InvalidFilterReference(message) { Resource = resource.Name });
        }

        var field = aggregation.Field is null ? null : LambdaTranslator.Translate(Model, resource, aggregation.Field);
        var fieldType = field is null ? null : ExprTypes.Of(field) ?? AttributeType.Infer(aggregation.Field!.ReturnType);
        var type = aggregation.Kind switch
        {
            AggregateKind.Count => AttributeType.Of(TypeKind.Long, typeof(long)),
            AggregateKind.Exists => AttributeType.Of(TypeKind.Boolean, typeof(bool)),
            AggregateKind.Avg when typeof(TValue) == typeof(decimal?) => AttributeType.Of(TypeKind.Decimal, typeof(decimal)),
            AggregateKind.Avg => AttributeType.Of(TypeKind.Double, typeof(double)),
            // A sum outgrows its column's precision (three numeric(4,1) of 999.9): it is plain numeric.
            AggregateKind.Sum when fieldType?.Kind == TypeKind.Decimal => fieldType with { Precision = null, Scale = null },
            _ => fieldType,
        };
        if (aggregation.Kind is AggregateKind.Sum or AggregateKind.Avg && fieldType?.Kind is not (TypeKind.Short or TypeKind.Integer or TypeKind.Long or TypeKind.Decimal or TypeKind.Double))
        {
            errors.Add(new InvalidFilterReference($"{aggregation.Kind.ToString().ToLowerInvariant()} needs a numeric field, and {field} is {fieldType?.ToString() ?? "of an unknown type"}")
            {
                Resource = resource.Name,
            });
        }
        else if (aggregation.Kind is AggregateKind.Min or AggregateKind.Max && fieldType?.Kind is null or TypeKind.Boolean or TypeKind.Map or TypeKind.Binary or TypeKind.Uuid)
        {
            errors.Add(new InvalidFilterReference($"{aggregation.Kind.ToString().ToLowerInvariant()} needs a field with an order, and {field} is {fieldType?.ToString() ?? "of an unknown type"}")
            {
                Resource = resource.Name,
            });
        }

        var keys = new List<Expr>();
        var keyTypes = new List<AttributeType>();
        foreach (var part in KeyParts(groupBy))
        {
            var key = LambdaTranslator.Translate(Model, resource, part);
            var keyType = ExprTypes.Of(key) ?? AttributeType.Infer(part.ReturnType);
            if (keyType is null)
            {
                errors.Add(new InvalidFilterReference($"cannot group by {key}: its type is unknown; group by an attribute or cast the expression (Fn.Cast<T>)")
                {
                    Resource = resource.Name,
                });
                continue;
            }

            keys.Add(key);
            keyTypes.Add(keyType);
        }

        if (errors.Count > 0)
        {
            throw new InvalidException(errors);
        }

        return new AggregatePlan(read, aggregation.Kind, type!)
        {
            Field = field,
            Distinct = aggregation.Distinct,
            GroupBy = keys,
            GroupTypes = keyTypes,
            CompositeKey = groupBy?.Body is NewExpression { Arguments.Count: > 0 },
        };
    }

    /// <summary>
    /// The parts of a group key: the lambda itself, or for a composite key (<c>c =&gt; new { c.PostId, c.AuthorId }</c>, or
    /// <c>new PostAuthor(c.PostId, c.AuthorId)</c> for any type whose constructor takes the parts) one lambda per
    /// constructor argument, in order.
    /// </summary>
    private static IEnumerable<LambdaExpression> KeyParts(LambdaExpression? groupBy) => groupBy switch
    {
        null => [],
        { Body: NewExpression { Arguments.Count: > 0 } composite } => composite.Arguments.Select(a => Expression.Lambda(a, groupBy.Parameters)),
        _ => [groupBy],
    };
}
