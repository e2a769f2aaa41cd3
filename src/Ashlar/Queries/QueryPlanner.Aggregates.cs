using System.Linq.Expressions;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Queries;

internal sealed partial class QueryPlanner
{
    private static readonly AttributeType LongType = AttributeType.Of(TypeKind.Long, typeof(long));

    /// <summary>
    /// The plan of an aggregate query over <paramref name="query"/>'s filter: the aggregates of
    /// <paramref name="aggregate"/> (an exists test when it is null), per value of <paramref name="groupBy"/> when given.
    /// </summary>
    /// <exception cref="InvalidException">
    /// The query, key or a field is invalid (e.g. a sum of text), or the query has a limit, offset or distinct.
    /// </exception>
    public AggregatePlan Aggregate<T>(Query<T> query, LambdaExpression? aggregate, LambdaExpression? groupBy, string? tenant)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var resource = model.Resource(typeof(T));
        var read = Read(resource, query, tenant);
        var errors = new List<AshlarError>();
        if (read.Limit is not null || read.Offset is not null || read.Distinct.Count > 0)
        {
            const string message = "an aggregate query takes a filter only: a limit, offset or distinct would aggregate an arbitrary subset; " +
                "narrow the records with Filter instead";
            errors.Add(new InvalidFilterReference(message) { Resource = resource.Name });
        }

        var body = aggregate is null ? null : ExpressionNodes.Unconverted(aggregate.Body);
        var calls = body switch
        {
            null => [],
            NewExpression { Arguments.Count: > 0 } composite => composite.Arguments.Select(ExpressionNodes.Unconverted).ToList(),
            _ => [body],
        };
        var columns = aggregate is null
            ? [new AggregateColumn(AggregateKind.Exists, AttributeType.Of(TypeKind.Boolean, typeof(bool)))]
            : calls.Select(call => ColumnOf<T>(resource, call, errors)).OfType<AggregateColumn>().ToList();

        var keys = new List<Expr>();
        var keyTypes = new List<AttributeType>();
        foreach (var part in KeyParts(groupBy))
        {
            var key = LambdaTranslator.Translate(model, resource, part);
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

        return new AggregatePlan(read, columns)
        {
            GroupBy = keys,
            GroupTypes = keyTypes,
            CompositeKey = groupBy?.Body is NewExpression { Arguments.Count: > 0 },
            CompositeValue = body is NewExpression { Arguments.Count: > 0 },
        };
    }

    /// <summary>One aggregate of the lambda (<c>a.Sum(p => p.Score)</c>), checked; null (with an error) when it is not one.</summary>
    private AggregateColumn? ColumnOf<T>(ResourceDefinition resource, Expression node, List<AshlarError> errors)
        where T : class
    {
        if (node is not MethodCallExpression call || call.Method.DeclaringType != typeof(Aggregations<T>))
        {
            errors.Add(new InvalidFilterReference(
                $"the aggregate lambda may only call a.Count(), a.Sum(…), a.Min(…), a.Max(…) and a.Average(…), alone or as new {{ … }}, and {node} is none of them")
            {
                Resource = resource.Name,
            });
            return null;
        }

        var kind = call.Method.Name switch
        {
            nameof(Aggregations<T>.Count) => AggregateKind.Count,
            nameof(Aggregations<T>.Sum) => AggregateKind.Sum,
            nameof(Aggregations<T>.Min) => AggregateKind.Min,
            nameof(Aggregations<T>.Max) => AggregateKind.Max,
            _ => AggregateKind.Avg,
        };
        var lambda = call.Arguments.Count > 0 ? LambdaArgument(call.Arguments[0]) : null;
        var distinct = call.Arguments.Count > 1 && ExpressionNodes.Evaluate(call.Arguments[1]) is true;
        var field = lambda is null ? null : LambdaTranslator.Translate(model, resource, lambda);
        var fieldType = field is null ? null : ExprTypes.Of(field) ?? AttributeType.Infer(lambda!.ReturnType);
        var name = kind.ToString().ToLowerInvariant();
        if (kind is AggregateKind.Sum or AggregateKind.Avg && fieldType?.IsNumber != true)
        {
            errors.Add(new InvalidFilterReference($"{name} needs a numeric field, and {field} is {fieldType?.ToString() ?? "of an unknown type"}") { Resource = resource.Name });
            return null;
        }

        if (kind is AggregateKind.Min or AggregateKind.Max && fieldType?.Kind is null or TypeKind.Boolean or TypeKind.Map or TypeKind.Binary or TypeKind.Uuid)
        {
            errors.Add(new InvalidFilterReference($"{name} needs a field with an order, and {field} is {fieldType?.ToString() ?? "of an unknown type"}") { Resource = resource.Name });
            return null;
        }

        var type = kind switch
        {
            AggregateKind.Count => LongType,
            AggregateKind.Avg when call.Method.ReturnType == typeof(decimal?) => AttributeType.Of(TypeKind.Decimal, typeof(decimal)),
            AggregateKind.Avg => AttributeType.Of(TypeKind.Double, typeof(double)),

            // A sum outgrows its column's precision (three numeric(4,1) of 999.9): it is plain numeric.
            AggregateKind.Sum when fieldType!.Kind == TypeKind.Decimal => fieldType with { Precision = null, Scale = null },
            _ => fieldType!,
        };
        return new AggregateColumn(kind, type) { Field = field, Distinct = distinct };
    }

    /// <summary>A field argument: the lambda written in place, or a lambda held in a variable.</summary>
    private static LambdaExpression? LambdaArgument(Expression argument) =>
        ExpressionNodes.Lambda(argument) ?? ExpressionNodes.Evaluate(argument) as LambdaExpression;

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
