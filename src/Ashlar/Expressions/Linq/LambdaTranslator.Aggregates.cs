using System.Linq.Expressions;
using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Expressions.Linq;

internal sealed partial class LambdaTranslator
{
    /// <summary>Lambda parameters of levels a nested lambda cannot reach (see <see cref="Below{TResult}"/>).</summary>
    private readonly List<ParameterExpression> _hidden = [];

    /// <summary>
    /// Translates <c>p.Comments!.Count(c =&gt; …)</c>, <c>LongCount</c>, <c>Sum</c>, <c>Min</c>, <c>Max</c> and
    /// <c>Average</c> over a to-many relationship into an <see cref="InlineAggregateExpr"/>; <c>Where(c =&gt; …)</c>
    /// calls chained before the aggregate are conditions on the related records, ANDed with a count's own.
    /// </summary>
    private Expr VisitAggregate(MethodCallExpression call)
    {
        var kind = call.Method.Name switch
        {
            "Count" or "LongCount" => AggregateKind.Count,
            "Sum" => AggregateKind.Sum,
            "Average" => AggregateKind.Avg,
            "Min" => AggregateKind.Min,
            _ => AggregateKind.Max,
        };
        var lambda = call.Arguments.Count > 1 ? LambdaOf(call.Arguments[1]) : null;
        var source = ExpressionNodes.Unconverted(call.Arguments[0]);
        var wheres = new List<LambdaExpression>();
        while (IsWhere(source, out var inner, out var predicate))
        {
            wheres.Insert(0, predicate);
            source = inner;
        }

        if (kind == AggregateKind.Count && lambda is null && wheres.Count == 0 && !TryRelationship(source, out _, out _, out _))
        {
            return VisitLength(source); // an array or string attribute: its length
        }

        if (kind != AggregateKind.Count && lambda is null)
        {
            throw Unsupported(call);
        }

        var resultType = AttributeType.Infer(call.Method.ReturnType) ?? throw Unsupported(call);
        if (kind == AggregateKind.Count)
        {
            return VisitAggregate(source, lambda is null ? wheres : [.. wheres, lambda], null, kind, resultType, call.Method.Name);
        }

        return VisitAggregate(source, wheres, lambda, kind, resultType, call.Method.Name);
    }

    private Expr VisitAggregate(Expression source, LambdaExpression? lambda, AggregateKind kind, AttributeType resultType, string method = "Count") =>
        kind == AggregateKind.Count
            ? VisitAggregate(source, lambda is null ? [] : [lambda], null, kind, resultType, method)
            : VisitAggregate(source, [], lambda, kind, resultType, method);

    /// <summary>
    /// The aggregate of <paramref name="value"/> (null for a count) over the records of the to-many relationship
    /// <paramref name="source"/> that meet all <paramref name="conditions"/>.
    /// </summary>
    private Expr VisitAggregate(
        Expression source, IReadOnlyList<LambdaExpression> conditions, LambdaExpression? value, AggregateKind kind, AttributeType resultType, string method)
    {
        if (!TryRelationship(source, out var scope, out var path, out var relationship) || relationship.IsToOne)
        {
            throw NotToMany(source, method, relationship);
        }

        var destination = _model.Resource(relationship.DestinationType);
        var condition = ExprChain.Join(BinaryOperator.And, conditions
            .Select(c => Below(scope, [(c.Parameters[0], destination)], () => Visit(c.Body)))
            .ToList());
        if (kind == AggregateKind.Count)
        {
            return Parented(new InlineAggregateExpr(path, relationship, kind, null, condition, resultType), scope);
        }

        var body = Below(scope, [(value!.Parameters[0], destination)], () => Visit(value.Body));

        // Min and Max keep the value's own type (enums, precision); sums, averages and counts take the method's.
        var type = kind is AggregateKind.Min or AggregateKind.Max ? ExprTypes.Of(body) ?? resultType : resultType;
        body = body is ValueExpr { Type: null } constant ? new ValueExpr(CastValue(resultType, constant.Value), resultType) : body;
        return Parented(new InlineAggregateExpr(path, relationship, kind, body, condition, type), scope);
    }

    /// <summary>Whether <paramref name="node"/> is <c>source.Where(x =&gt; …)</c> (the overload without an index).</summary>
    private bool IsWhere(Expression node, out Expression source, out LambdaExpression predicate)
    {
        source = node;
        predicate = null!;
        if (node is not MethodCallExpression { Method.Name: "Where", Arguments.Count: 2 } call || call.Method.DeclaringType != typeof(Enumerable) ||
            LambdaOf(call.Arguments[1]) is not { Parameters.Count: 1 } lambda)
        {
            return false;
        }

        source = ExpressionNodes.Unconverted(call.Arguments[0]);
        predicate = lambda;
        return true;
    }

    /// <summary>Translates <c>Fn.Exists&lt;TResource&gt;(r =&gt; …)</c>: a search of any resource of the domain.</summary>
    private Expr VisitUnrelatedExists(MethodCallExpression call)
    {
        var type = call.Method.GetGenericArguments()[0];
        var resource = _model.FindResource(type)
            ?? throw AshlarException.From(new InvalidFilterReference(
                $"Fn.Exists<{type.Name}>(...) in the filter {LambdaText} names {type.Name}, which is not a resource of the domain {_model.Name}; add .Resource<{type.Name}>() to the domain")
            { Resource = _root.Name });
        var lambda = LambdaOf(call.Arguments[0]);
        var condition = Below(_scopes.Count - 1, [(lambda.Parameters[0], resource)], () => Visit(lambda.Body));
        return new UnrelatedExistsExpr(resource, condition);
    }

    /// <summary>
    /// Translates a nested lambda evaluated one level below <paramref name="scope"/>: the lambda parameters of deeper
    /// levels are out of reach there (a reference to one is refused), and <paramref name="levels"/> are added below.
    /// </summary>
    private TResult Below<TResult>(int scope, IReadOnlyList<(ParameterExpression Parameter, ResourceDefinition Resource)> levels, Func<TResult> translate)
    {
        var skipped = _scopes.GetRange(scope + 1, _scopes.Count - scope - 1);
        _scopes.RemoveRange(scope + 1, skipped.Count);
        _hidden.AddRange(skipped.Select(s => s.Parameter));
        _scopes.AddRange(levels);
        try
        {
            return translate();
        }
        finally
        {
            _scopes.RemoveRange(scope + 1, levels.Count);
            _hidden.RemoveRange(_hidden.Count - skipped.Count, skipped.Count);
            _scopes.AddRange(skipped);
        }
    }

    /// <summary>
    /// Resolves <c>p.Author!.Posts</c> to the to-one relationships walked and the relationship it ends with; false
    /// when the chain does not end with a relationship reached through to-one ones.
    /// </summary>
    private bool TryRelationship(Expression node, out int scope, out List<RelationshipDefinition> path, out RelationshipDefinition relationship)
    {
        path = [];
        relationship = null!;
        if (!TryMembers(node, out scope, out var members) || members.Count == 0)
        {
            return false;
        }

        var resource = _scopes[scope].Resource;
        while (members.TryPop(out var property))
        {
            var found = resource.Relationships.FirstOrDefault(r => r.Property.Name == property.Name);
            if (found is null || (members.Count > 0 && !found.IsToOne))
            {
                return false;
            }

            ManualJoins.RequireSqlJoin(resource, found, _root);

            if (members.Count == 0)
            {
                relationship = found;
                return true;
            }

            path.Add(found);
            resource = _model.Resource(found.DestinationType);
        }

        return false;
    }

    private AshlarException NotToMany(Expression source, string method, RelationshipDefinition? relationship) =>
        AshlarException.From(new InvalidFilterReference(relationship is { IsToOne: true }
            ? $"{method}(...) in the filter {LambdaText} needs a to-many relationship, but {relationship.Name} is to-one; compare its attributes directly (p.{relationship.Property.Name}!.Attribute)"
            : $"{method}(...) in the filter {LambdaText} needs a to-many relationship of {_root.Name} (like p.Comments!.{method}(...)), not '{ExpressionNodes.Text(source)}'")
        { Resource = _root.Name });

    private LambdaExpression LambdaOf(Expression node) => ExpressionNodes.Lambda(node) ?? throw Unsupported(node);
}
