using System.Linq.Expressions;
using System.Reflection;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Expressions.Linq;

/// <summary>
/// Translates a typed lambda such as <c>p =&gt; p.Score &gt; 4 &amp;&amp; p.Author!.Name == "ada"</c> into an <see cref="Expr"/>.
/// Captured variables become values (parameters); anything the tree cannot express is refused with the lambda's text.
/// </summary>
internal sealed class LambdaTranslator
{
    private readonly DomainModel _model;
    private readonly ResourceDefinition _root;
    private readonly LambdaExpression _lambda;

    private LambdaTranslator(DomainModel model, ResourceDefinition root, LambdaExpression lambda)
    {
        _model = model;
        _root = root;
        _lambda = lambda;
    }

    public static Expr Translate(DomainModel model, ResourceDefinition root, LambdaExpression lambda) =>
        new LambdaTranslator(model, root, lambda).Visit(lambda.Body);

    private Expr Visit(Expression node)
    {
        switch (node)
        {
            case BinaryExpression binary:
                return VisitBinary(binary);
            case UnaryExpression { NodeType: ExpressionType.Not } not:
                return new NotExpr(Visit(not.Operand));
            case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert:
                return Visit(convert.Operand);
            case MemberExpression { Member.Name: "Value", Expression: { } inner } when IsNullable(inner.Type):
                return Visit(inner);
            case MemberExpression { Member.Name: "HasValue", Expression: { } inner } when IsNullable(inner.Type):
                return new NotExpr(new IsNullExpr(Visit(inner)));
            case MethodCallExpression call when IsContains(call, out var collection, out var item):
                return In(collection, item);
            default:
                break;
        }

        if (TryReference(node, out var reference))
        {
            return reference;
        }

        if (!DependsOnParameter(node))
        {
            return new ValueExpr(Evaluate(node), null);
        }

        throw Unsupported(node);
    }

    private Expr VisitBinary(BinaryExpression binary)
    {
        var op = binary.NodeType switch
        {
            ExpressionType.Equal => BinaryOperator.Equal,
            ExpressionType.NotEqual => BinaryOperator.NotEqual,
            ExpressionType.LessThan => BinaryOperator.LessThan,
            ExpressionType.LessThanOrEqual => BinaryOperator.LessThanOrEqual,
            ExpressionType.GreaterThan => BinaryOperator.GreaterThan,
            ExpressionType.GreaterThanOrEqual => BinaryOperator.GreaterThanOrEqual,
            ExpressionType.AndAlso or ExpressionType.And when binary.Type == typeof(bool) => BinaryOperator.And,
            ExpressionType.OrElse or ExpressionType.Or when binary.Type == typeof(bool) => BinaryOperator.Or,
            ExpressionType.Add or ExpressionType.AddChecked => BinaryOperator.Add,
            ExpressionType.Subtract or ExpressionType.SubtractChecked => BinaryOperator.Subtract,
            ExpressionType.Multiply or ExpressionType.MultiplyChecked => BinaryOperator.Multiply,
            ExpressionType.Divide => BinaryOperator.Divide,
            ExpressionType.Modulo => BinaryOperator.Modulo,
            _ => throw Unsupported(binary),
        };

        var left = Visit(binary.Left);
        var right = Visit(binary.Right);
        (left, right) = (Typed(left, right), Typed(right, left));

        if (op is BinaryOperator.Equal or BinaryOperator.NotEqual)
        {
            var nullSide = IsNullValue(right) ? left : IsNullValue(left) ? right : null;
            if (nullSide is not null)
            {
                Expr isNull = new IsNullExpr(nullSide);
                return op == BinaryOperator.Equal ? isNull : new NotExpr(isNull);
            }
        }

        return new BinaryExpr(op, left, right);
    }

    private Expr In(Expression collection, Expression item)
    {
        var operand = Visit(item);
        if (DependsOnParameter(collection))
        {
            throw Unsupported(collection);
        }

        var values = ((System.Collections.IEnumerable?)Evaluate(collection) ?? Array.Empty<object>()).Cast<object?>();
        var type = (operand as RefExpr)?.Attribute.Type;
        return new InExpr(operand, values.Select(v => type is null ? v : CastValue(type, v)).ToList());
    }

    /// <summary>Gives a captured value the type of the attribute it is compared with (enums arrive as integers).</summary>
    private Expr Typed(Expr expr, Expr other) =>
        expr is ValueExpr { Type: null } value && other is RefExpr reference
            ? new ValueExpr(CastValue(reference.Attribute.Type, value.Value), reference.Attribute.Type)
            : expr;

    private object? CastValue(AttributeType type, object? value)
    {
        if (ValueCaster.TryCast(type, value, out var result, out var error))
        {
            return result;
        }

        throw AshlarException.From(new InvalidFilterValue($"{error} (in the filter {_lambda})") { Resource = _root.Name });
    }

    private bool TryReference(Expression node, out RefExpr reference)
    {
        reference = null!;
        var members = new Stack<PropertyInfo>();
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

        if (current is not ParameterExpression parameter || parameter != _lambda.Parameters[0] || members.Count == 0)
        {
            return false;
        }

        var resource = _root;
        var path = new List<RelationshipDefinition>();
        while (members.Count > 1)
        {
            var property = members.Pop();
            var relationship = resource.Relationships.FirstOrDefault(r => r.Property.Name == property.Name);
            if (relationship is null || !relationship.IsToOne)
            {
                throw AshlarException.From(new InvalidFilterReference(
                    $"{property.Name} in the filter {_lambda} is not a to-one relationship of {resource.Name}")
                { Resource = _root.Name });
            }

            path.Add(relationship);
            resource = _model.Resource(relationship.DestinationType);
        }

        var last = members.Pop();
        var attribute = resource.Attributes.FirstOrDefault(a => a.Property.Name == last.Name)
            ?? throw AshlarException.From(new InvalidFilterReference(
                $"{last.Name} in the filter {_lambda} is not an attribute of {resource.Name}")
            { Resource = _root.Name });
        reference = new RefExpr(path, attribute);
        return true;
    }

    private static bool IsContains(MethodCallExpression call, out Expression collection, out Expression item)
    {
        collection = null!;
        item = null!;
        if (call.Method.Name != "Contains")
        {
            return false;
        }

        if (call.Method.IsStatic && call.Arguments.Count == 2 && call.Arguments[0].Type != typeof(string))
        {
            (collection, item) = (call.Arguments[0], call.Arguments[1]);
            return true;
        }

        if (!call.Method.IsStatic && call.Object is not null && call.Object.Type != typeof(string) && call.Arguments.Count == 1)
        {
            (collection, item) = (call.Object, call.Arguments[0]);
            return true;
        }

        return false;
    }

    private static bool IsNullValue(Expr expr) => expr is ValueExpr { Value: null };

    private static bool IsNullable(Type type) => Nullable.GetUnderlyingType(type) is not null;

    private bool DependsOnParameter(Expression node)
    {
        var finder = new ParameterFinder(_lambda.Parameters);
        finder.Visit(node);
        return finder.Found;
    }

    private static object? Evaluate(Expression node) =>
        node is ConstantExpression constant
            ? constant.Value
            : Expression.Lambda<Func<object?>>(Expression.Convert(node, typeof(object))).Compile(preferInterpretation: true)();

    private AshlarException Unsupported(Expression node) =>
        AshlarException.From(new InvalidFilterReference(
            $"Ashlar cannot translate '{node}' in the filter {_lambda}; use attributes, captured values and the supported operators")
        { Resource = _root.Name });

    private sealed class ParameterFinder(IReadOnlyCollection<ParameterExpression> parameters) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= parameters.Contains(node);
            return node;
        }
    }
}
