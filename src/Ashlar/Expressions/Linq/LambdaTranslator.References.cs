using System.Linq.Expressions;
using System.Reflection;
using Ashlar.Errors;
using Ashlar.Resources;

namespace Ashlar.Expressions.Linq;

internal sealed partial class LambdaTranslator
{
    private bool TryReference(Expression node, out Expr reference)
    {
        reference = null!;
        if (!TryMembers(node, out var scope, out var members) || members.Count == 0)
        {
            return false;
        }

        var resource = _scopes[scope].Resource;
        var path = new List<RelationshipDefinition>();
        while (members.Count > 1)
        {
            var property = members.Pop();
            var relationship = resource.Relationships.FirstOrDefault(r => r.Property.Name == property.Name);
            if (relationship is null || !relationship.IsToOne)
            {
                throw AshlarException.From(new InvalidFilterReference(
                    $"{property.Name} in the filter {LambdaText} is not a to-one relationship of {resource.Name}; use .Any(...) for to-many relationships")
                { Resource = _root.Name });
            }

            ManualJoins.RequireSqlJoin(resource, relationship, _root);
            path.Add(relationship);
            resource = _model.Resource(relationship.DestinationType);
        }

        var last = members.Pop();
        if (resource.Aggregates.FirstOrDefault(a => a.Property.Name == last.Name) is { } aggregate)
        {
            reference = Parented(new AggregateExpr(path, aggregate), scope);
            return true;
        }

        if (resource.Calculations.FirstOrDefault(c => c.Property.Name == last.Name) is { } calculation)
        {
            var body = Translate(_model, resource, calculation, null);
            reference = ExprRewriter.Rebase(body, path, _scopes.Count - 1 - scope);
            return true;
        }

        var attribute = resource.Attributes.FirstOrDefault(a => a.Property.Name == last.Name)
            ?? throw AshlarException.From(new InvalidFilterReference(
                $"{last.Name} in the filter {LambdaText} is not an attribute of {resource.Name}")
            { Resource = _root.Name });
        reference = Parented(new RefExpr(path, attribute), scope);
        return true;
    }

    /// <summary>
    /// Translates <c>p.Comments.Any(c =&gt; …)</c> or <c>Fn.Exists(p.Comments, c =&gt; …)</c>; hops become nested exists.
    /// <c>Where(…)</c> calls before <c>Any</c> add conditions on the last hop, ANDed in the order written.
    /// </summary>
    private Expr VisitExists(Expression source, Expression? predicate)
    {
        var conditions = new List<LambdaExpression>();
        if (predicate is not null)
        {
            conditions.Add(LambdaOf(predicate));
        }

        while (IsWhere(source, out var inner, out var where))
        {
            conditions.Insert(0, where);
            source = inner;
        }

        if (!TryMembers(source, out var scope, out var members) || members.Count == 0)
        {
            throw Unsupported(source);
        }

        var resource = _scopes[scope].Resource;
        var hops = new List<RelationshipDefinition>();
        while (members.Count > 0)
        {
            var property = members.Pop();
            var relationship = resource.Relationships.FirstOrDefault(r => r.Property.Name == property.Name)
                ?? throw AshlarException.From(new InvalidFilterReference(
                    $"{property.Name} in the filter {LambdaText} is not a relationship of {resource.Name}")
                { Resource = _root.Name });
            ManualJoins.RequireSqlJoin(resource, relationship, _root);
            hops.Add(relationship);
            resource = _model.Resource(relationship.DestinationType);
        }

        // Each hop is one exists level; intermediate levels have no lambda parameter, the last has each condition's.
        var parts = new List<Expr>();
        foreach (var lambda in conditions)
        {
            var levels = new List<(ParameterExpression, ResourceDefinition)>();
            for (var i = 0; i < hops.Count; i++)
            {
                levels.Add((i == hops.Count - 1 ? lambda.Parameters[0] : Expression.Parameter(typeof(object)), _model.Resource(hops[i].DestinationType)));
            }

            parts.Add(Below(scope, levels, () => Visit(lambda.Body)));
        }

        var result = ExprChain.Join(BinaryOperator.And, parts);

        for (var i = hops.Count - 1; i >= 0; i--)
        {
            result = new ExistsExpr([hops[i]], result);
        }

        return Parented(result!, scope);
    }

    private Expr Parented(Expr expr, int scope)
    {
        for (var i = scope; i < _scopes.Count - 1; i++)
        {
            expr = new ParentExpr(expr);
        }

        return expr;
    }

    /// <summary>Finds the chain of properties read from a lambda parameter in scope, outermost property on top.</summary>
    private bool TryMembers(Expression node, out int scope, out Stack<PropertyInfo> members)
    {
        scope = -1;
        members = new Stack<PropertyInfo>();
        var current = node;
        while (current is MemberExpression { Member: PropertyInfo property } member)
        {
            members.Push(property);
            current = member.Expression;
            while (current is UnaryExpression { NodeType: ExpressionType.Convert } convert)
            {
                current = convert.Operand;
            }
        }

        if (current is not ParameterExpression parameter)
        {
            return false;
        }

        scope = _scopes.FindLastIndex(s => s.Parameter == parameter);
        return scope >= 0;
    }
}
