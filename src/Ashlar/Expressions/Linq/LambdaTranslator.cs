using System.Linq.Expressions;
using System.Runtime.CompilerServices;
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
    /// <summary>
    /// How deeply a lambda may nest, not counting chains of <c>&amp;&amp;</c> and <c>||</c> (translated as flat lists):
    /// deeper trees (or any the thread's stack cannot hold) are refused before any later recursive walk descends them.
    /// </summary>
    public const int MaxDepth = 128;

    private static readonly AttributeType StringType = AttributeType.Of(TypeKind.String, typeof(string));

    private readonly IResourceLookup _model;
    private readonly ResourceDefinition _root;
    private readonly LambdaExpression _lambda;

    /// <summary>Lambda parameters in scope, outermost first, with the resource each stands for.</summary>
    private readonly List<(ParameterExpression Parameter, ResourceDefinition Resource)> _scopes = [];

    private LambdaTranslator(IResourceLookup model, ResourceDefinition root, LambdaExpression lambda)
    {
        _model = model;
        _root = root;
        _lambda = lambda;
    }

    /// <summary>The values of calculation arguments, when translating a calculation's expression.</summary>
    private IReadOnlyDictionary<string, object?> _arguments = new Dictionary<string, object?>();

    /// <summary>When translating a read action's filter as a template: the action's argument names.</summary>
    private IReadOnlyCollection<string>? _slots;

    private int _depth;

    /// <summary>The lambda's text for messages (a stand-in when it is too deep to print).</summary>
    private string LambdaText => ExpressionNodes.Text(_lambda);

    public static Expr Translate(IResourceLookup model, ResourceDefinition root, LambdaExpression lambda)
    {
        var translator = new LambdaTranslator(model, root, lambda);
        translator._scopes.Add((lambda.Parameters[0], root));
        return translator.Visit(lambda.Body);
    }

    /// <summary>
    /// Translates a relationship's filter over its destination; a second lambda parameter is the source record, so
    /// its references become <see cref="ParentExpr"/>.
    /// </summary>
    public static Expr TranslateRelationshipFilter(IResourceLookup model, ResourceDefinition source, ResourceDefinition destination, LambdaExpression filter)
    {
        var translator = new LambdaTranslator(model, destination, filter);
        if (filter.Parameters.Count > 1)
        {
            translator._scopes.Add((filter.Parameters[1], source));
        }

        translator._scopes.Add((filter.Parameters[0], destination));
        return translator.Visit(filter.Body);
    }

    /// <summary>Translates a read action's filter, whose second parameter reads the action's arguments.</summary>
    public static Expr Translate(IResourceLookup model, ResourceDefinition resource, LambdaExpression lambda, IReadOnlyDictionary<string, object?> arguments)
    {
        var translator = new LambdaTranslator(model, resource, lambda) { _arguments = arguments };
        translator._scopes.Add((lambda.Parameters[0], resource));
        return translator.Visit(lambda.Body);
    }

    /// <summary>
    /// Translates a read action's filter once, leaving a slot for each argument it reads (<see cref="ArgumentSlot"/>);
    /// <see cref="BindArguments"/> fills the slots per call.
    /// </summary>
    public static Expr TranslateTemplate(IResourceLookup model, ResourceDefinition resource, LambdaExpression lambda, IReadOnlyCollection<string> argumentNames)
    {
        var translator = new LambdaTranslator(model, resource, lambda) { _slots = argumentNames };
        translator._scopes.Add((lambda.Parameters[0], resource));
        return translator.Visit(lambda.Body);
    }

    /// <summary>
    /// Fills a template's argument slots with the call's values; a comparison with a nil argument becomes
    /// <c>IS NULL</c>, as a comparison with a nil value does when translated directly.
    /// </summary>
    public static Expr BindArguments(ResourceDefinition resource, Expr template, IReadOnlyDictionary<string, object?> arguments)
    {
        return ExprRewriter.Rewrite(template, Bind);

        Expr? Bind(Expr node) => node switch
        {
            BinaryExpr { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual } b when IsNilSlot(b.Right) || IsNilSlot(b.Left) =>
                NilCheck(b.Operator, ExprRewriter.Rewrite(IsNilSlot(b.Right) ? b.Left : b.Right, Bind)),
            ValueExpr { Value: ArgumentSlot slot, Type: { } type } => new ValueExpr(SlotValue(slot, type), type),
            _ => null,
        };

        bool IsNilSlot(Expr expr) => expr is ValueExpr { Value: ArgumentSlot slot } && arguments.GetValueOrDefault(slot.Name) is null;

        object? SlotValue(ArgumentSlot slot, AttributeType type) =>
            ValueCaster.TryCast(type, arguments.GetValueOrDefault(slot.Name), out var value, out var error)
                ? value
                : throw AshlarException.From(new InvalidFilterValue($"{error} (the argument '{slot.Name}' of the read action's filter)") { Resource = resource.Name, Field = slot.Name });
    }

    private static Expr NilCheck(BinaryOperator op, Expr operand) =>
        op == BinaryOperator.Equal ? new IsNullExpr(operand) : new NotExpr(new IsNullExpr(operand));

    /// <summary>Translates a calculation's expression with argument values (the declared defaults unless given).</summary>
    public static Expr Translate(IResourceLookup model, ResourceDefinition resource, CalculationDefinition calculation, IReadOnlyDictionary<string, object?>? arguments)
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
        if (++_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _depth--;
            throw TooDeep();
        }

        try
        {
            return VisitNode(node);
        }
        finally
        {
            _depth--;
        }
    }

    private Expr VisitNode(Expression node)
    {
        switch (node)
        {
            case BinaryExpression binary when Logical(binary) is { } logical && (Logical(binary.Right) == logical || LeftSpine(binary, logical) > ExprChain.ShortChain):
                return VisitChain(binary, logical);
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

    /// <summary>The logical operator of an <c>&amp;&amp;</c> / <c>||</c> node (or a <c>&amp;</c> / <c>|</c> on bools), else null.</summary>
    private static BinaryOperator? Logical(Expression node) => node.NodeType switch
    {
        ExpressionType.AndAlso => BinaryOperator.And,
        ExpressionType.And when node.Type == typeof(bool) => BinaryOperator.And,
        ExpressionType.OrElse => BinaryOperator.Or,
        ExpressionType.Or when node.Type == typeof(bool) => BinaryOperator.Or,
        _ => null,
    };

    /// <summary>How many <paramref name="op"/> nodes run down the left of <paramref name="node"/> (a chain as C# builds it).</summary>
    private static int LeftSpine(BinaryExpression node, BinaryOperator op)
    {
        var length = 1;
        while (length <= ExprChain.ShortChain && Logical(node.Left) == op)
        {
            node = (BinaryExpression)node.Left;
            length++;
        }

        return length;
    }

    /// <summary>
    /// A chain of one logical operator (<c>a || b || c …</c>, often built in a loop and thousands deep) is collected
    /// with a stack, not recursion, and joined as a balanced tree when long.
    /// </summary>
    private Expr VisitChain(BinaryExpression chain, BinaryOperator op)
    {
        var operands = new List<Expression>();
        var pending = new Stack<Expression>();
        pending.Push(chain);
        while (pending.TryPop(out var node))
        {
            if (Logical(node) == op)
            {
                var binary = (BinaryExpression)node;
                pending.Push(binary.Right);
                pending.Push(binary.Left);
            }
            else
            {
                operands.Add(node);
            }
        }

        var translated = new List<Expr>(operands.Count);
        foreach (var operand in operands)
        {
            translated.Add(Visit(operand));
        }

        return ExprChain.Join(op, translated)!;
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
        if (_slots is not null)
        {
            return _slots.Contains(name)
                ? new ValueExpr(new ArgumentSlot(name), type)
                : throw AshlarException.From(new InvalidFilterValue($"the read action declares no argument '{name}' (in the filter {LambdaText})") { Resource = _root.Name, Field = name });
        }

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

        throw AshlarException.From(new InvalidFilterValue($"{error} (in the filter {LambdaText})") { Resource = _root.Name });
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
        var finder = new ParameterFinder(_scopes.Select(s => s.Parameter).Concat(_hidden).ToList(), TooDeep);
        finder.Visit(node);
        return finder.Found;
    }

    private AshlarException Unsupported(Expression node) =>
        AshlarException.From(new InvalidFilterReference(
            $"Ashlar cannot translate '{ExpressionNodes.Text(node)}' in the filter {LambdaText}; use attributes, captured values and the supported operators")
        { Resource = _root.Name });

    private AshlarException TooDeep() =>
        AshlarException.From(new InvalidFilterSize(
            $"the filter is nested too deeply to translate: at most {MaxDepth} levels (chains of && and || do not count); simplify it or split it into several filters")
        { Resource = _root.Name });

    /// <summary>Finds the lambda's parameters; binary chains are walked with a stack and other nesting is bounded.</summary>
    private sealed class ParameterFinder(IReadOnlyCollection<ParameterExpression> parameters, Func<AshlarException> tooDeep) : ExpressionVisitor
    {
        private int _depth;

        public bool Found { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (node is null || Found)
            {
                return node;
            }

            if (++_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw tooDeep();
            }

            base.Visit(node);
            _depth--;
            return node;
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.Left is not BinaryExpression && node.Right is not BinaryExpression)
            {
                return base.VisitBinary(node);
            }

            var pending = new Stack<Expression>();
            pending.Push(node);
            while (!Found && pending.TryPop(out var next))
            {
                if (next is BinaryExpression binary)
                {
                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                    if (binary.Conversion is not null)
                    {
                        pending.Push(binary.Conversion);
                    }
                }
                else
                {
                    Visit(next);
                }
            }

            return node;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= parameters.Contains(node);
            return node;
        }
    }
}
