using System.Linq.Expressions;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Expressions.Linq;

/// <summary>
/// Translates a typed lambda such as <c>p =&gt; p.Score &gt; 4 &amp;&amp; p.Author!.Name == "ada"</c> into an <see cref="Expr"/>.
/// Captured variables become values (parameters); anything the tree cannot express is refused with the lambda's text.
/// </summary>
internal sealed partial class LambdaTranslator
{
    private static readonly AttributeType StringType = AttributeType.Of(TypeKind.String, typeof(string));

    private readonly DomainModel _model;
    private readonly ResourceDefinition _root;
    private readonly LambdaExpression _lambda;

    /// <summary>Lambda parameters in scope, outermost first, with the resource each stands for.</summary>
    private readonly List<(ParameterExpression Parameter, ResourceDefinition Resource)> _scopes = [];

    private LambdaTranslator(DomainModel model, ResourceDefinition root, LambdaExpression lambda)
    {
        _model = model;
        _root = root;
        _lambda = lambda;
    }

    /// <summary>The values of calculation arguments, when translating a calculation's expression.</summary>
    private IReadOnlyDictionary<string, object?> _arguments = new Dictionary<string, object?>();

    public static Expr Translate(DomainModel model, ResourceDefinition root, LambdaExpression lambda)
    {
        var translator = new LambdaTranslator(model, root, lambda);
        translator._scopes.Add((lambda.Parameters[0], root));
        return translator.Visit(lambda.Body);
    }

    /// <summary>
    /// Translates a relationship's filter over its destination; a second lambda parameter is the source record, so
    /// its references become <see cref="ParentExpr"/>.
    /// </summary>
    public static Expr TranslateRelationshipFilter(DomainModel model, ResourceDefinition source, ResourceDefinition destination, LambdaExpression filter)
    {
        var translator = new LambdaTranslator(model, destination, filter);
        if (filter.Parameters.Count > 1)
        {
            translator._scopes.Add((filter.Parameters[1], source));
        }

        translator._scopes.Add((filter.Parameters[0], destination));
        return translator.Visit(filter.Body);
    }

    /// <summary>Translates a calculation's expression with argument values (the declared defaults unless given).</summary>
    public static Expr Translate(DomainModel model, ResourceDefinition resource, CalculationDefinition calculation, IReadOnlyDictionary<string, object?>? arguments)
    {
        var translator = new LambdaTranslator(model, resource, calculation.Expression)
        {
            _arguments = arguments is null
                ? calculation.Defaults
                : calculation.Defaults.Where(d => !arguments.ContainsKey(d.Key)).Concat(arguments).ToDictionary(StringComparer.Ordinal),
        };
        translator._scopes.Add((calculation.Expression.Parameters[0], resource));
        return translator.Visit(calculation.Expression.Body);
    }

    private Expr Visit(Expression node)
    {
        switch (node)
        {
            case BinaryExpression { NodeType: ExpressionType.Coalesce } coalesce:
                return Call(ExprFunction.Coalesce, Visit(coalesce.Left), Visit(coalesce.Right));
            case BinaryExpression binary:
                return VisitBinary(binary);
            case UnaryExpression { NodeType: ExpressionType.Not } not:
                return new NotExpr(Visit(not.Operand));
            case UnaryExpression { NodeType: ExpressionType.Negate or ExpressionType.NegateChecked } negate:
                return Call(ExprFunction.Negate, Visit(negate.Operand));
            case UnaryExpression { NodeType: ExpressionType.ArrayLength } length:
                return VisitLength(length.Operand);
            case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert:
                return VisitConvert(convert);
            case ConditionalExpression conditional when DependsOnParameter(conditional):
                return VisitConditional(conditional);
            case MemberExpression { Member.Name: "Value", Expression: { } inner } when IsNullable(inner.Type):
                return Visit(inner);
            case MemberExpression { Member.Name: "HasValue", Expression: { } inner } when IsNullable(inner.Type):
                return new NotExpr(new IsNullExpr(Visit(inner)));
            case MemberExpression { Member.Name: "Length" or "Count", Expression: { } inner } when DependsOnParameter(inner):
                return VisitLength(inner);
            case MethodCallExpression { Method.DeclaringType: { } declaring } argument when declaring == typeof(CalculationArguments):
                return Argument(argument);
            case MethodCallExpression call when DependsOnParameter(call) || call.Method.DeclaringType == typeof(Fn):
                return VisitCall(call);
            default:
                break;
        }

        if (TryReference(node, out var reference))
        {
            return reference;
        }

        if (!DependsOnParameter(node))
        {
            return Captured(ExpressionNodes.Evaluate(node));
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
            ExpressionType.Add or ExpressionType.AddChecked when binary.Type == typeof(string) => (BinaryOperator?)null,
            ExpressionType.Add or ExpressionType.AddChecked => BinaryOperator.Add,
            ExpressionType.Subtract or ExpressionType.SubtractChecked => BinaryOperator.Subtract,
            ExpressionType.Multiply or ExpressionType.MultiplyChecked => BinaryOperator.Multiply,
            ExpressionType.Divide => BinaryOperator.Divide,
            ExpressionType.Modulo => BinaryOperator.Modulo,
            _ => throw Unsupported(binary),
        };

        if (op is null)
        {
            return Call(ExprFunction.Concat, Visit(binary.Left), Visit(binary.Right)) with { Type = StringType };
        }

        return Compare(op.Value, Visit(binary.Left), Visit(binary.Right));
    }

    /// <summary>Builds a binary node, typing a captured value like the other side and turning <c>== null</c> into IS NULL.</summary>
    private Expr Compare(BinaryOperator op, Expr left, Expr right)
    {
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

    private Expr Argument(MethodCallExpression call)
    {
        var name = Constant<string>(call.Arguments[0]);
        var type = AttributeType.Infer(call.Method.ReturnType) ?? throw Unsupported(call);
        if (!_arguments.TryGetValue(name, out var value))
        {
            throw AshlarException.From(new InvalidFilterValue($"the calculation needs a value for its argument '{name}'") { Resource = _root.Name, Field = name });
        }

        return new ValueExpr(CastValue(type, value), type);
    }

    private Expr VisitConvert(UnaryExpression convert)
    {
        var operand = Visit(convert.Operand);
        var from = Nullable.GetUnderlyingType(convert.Operand.Type) ?? convert.Operand.Type;
        var to = Nullable.GetUnderlyingType(convert.Type) ?? convert.Type;
        if (from == to || from.IsEnum || to.IsEnum || operand is ValueExpr || AttributeType.Infer(to) is not { } type ||
            !IsNumeric(from) || !IsNumeric(to))
        {
            return operand;
        }

        return new CastExpr(operand, type);
    }

    private Expr VisitConditional(ConditionalExpression conditional)
    {
        var then = Visit(conditional.IfTrue);
        var otherwise = Visit(conditional.IfFalse);
        return new ConditionalExpr(Visit(conditional.Test), Typed(then, otherwise), Typed(otherwise, then));
    }

    private static CallExpr Call(ExprFunction function, params Expr[] arguments) =>
        new(function, arguments) { Type = function == ExprFunction.Coalesce ? arguments.Select(ExprTypes.Of).FirstOrDefault(t => t is not null) : null };

    /// <summary>Gives a captured value the type of what it is compared with (enums arrive as integers).</summary>
    private Expr Typed(Expr expr, Expr other) =>
        expr is ValueExpr { Type: null } value && ExprTypes.Of(other) is { } type
            ? new ValueExpr(CastValue(type, value.Value), type)
            : expr;

    private object? CastValue(AttributeType type, object? value)
    {
        if (ValueCaster.TryCast(type, value, out var result, out var error))
        {
            return result;
        }

        throw AshlarException.From(new InvalidFilterValue($"{error} (in the filter {_lambda})") { Resource = _root.Name });
    }

    /// <summary>A value the lambda captured, as a parameter; text PostgreSQL cannot store is refused here.</summary>
    private ValueExpr Captured(object? value) => new(Checked(value), null);

    private object? Checked(object? value) =>
        StorableText.Problem(value) is { } problem
            ? throw AshlarException.From(new InvalidFilterValue($"is invalid: {problem} (in the filter {_lambda})") { Resource = _root.Name })
            : value;

    private static bool IsNullValue(Expr expr) => expr is ValueExpr { Value: null };

    private static bool IsNullable(Type type) => Nullable.GetUnderlyingType(type) is not null;

    private static bool IsNumeric(Type type) =>
        type == typeof(short) || type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) || type == typeof(float);

    private bool DependsOnParameter(Expression node)
    {
        var finder = new ParameterFinder(_scopes.Select(s => s.Parameter).Concat(_hidden).ToList());
        finder.Visit(node);
        return finder.Found;
    }

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
