using System.Linq.Expressions;
using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Expressions.Linq;

internal sealed partial class LambdaTranslator
{
    private static readonly AttributeType IntegerType = AttributeType.Of(TypeKind.Integer, typeof(int));

    private Expr VisitCall(MethodCallExpression call)
    {
        var method = call.Method;
        if (method.DeclaringType == typeof(Fn))
        {
            return VisitFn(call);
        }

        if (method.DeclaringType == typeof(string))
        {
            return VisitString(call);
        }

        if (method.Name == "Any" && method.DeclaringType == typeof(Enumerable))
        {
            return VisitExists(call.Arguments[0], call.Arguments.Count > 1 ? call.Arguments[1] : null);
        }

        if (method.DeclaringType == typeof(Enumerable) && method.Name is "Count" or "LongCount" or "Sum" or "Min" or "Max" or "Average")
        {
            return VisitAggregate(call);
        }

        if (IsContains(call, out var collection, out var item))
        {
            return DependsOnParameter(collection) ? ArrayHas(collection, item) : In(collection, item);
        }

        throw Unsupported(call);
    }

    private Expr VisitString(MethodCallExpression call)
    {
        switch (call.Method.Name)
        {
            case "Contains" or "StartsWith" or "EndsWith" when call.Object is not null && call.Arguments[0].Type == typeof(string) || call.Arguments[0].Type == typeof(char):
                var function = call.Method.Name switch
                {
                    "Contains" => ExprFunction.Contains,
                    "StartsWith" => ExprFunction.StartsWith,
                    _ => ExprFunction.EndsWith,
                };
                var ignoreCase = call.Arguments.Count > 1 && ExpressionNodes.Evaluate(call.Arguments[1]) is StringComparison comparison &&
                    comparison is StringComparison.OrdinalIgnoreCase or StringComparison.InvariantCultureIgnoreCase or StringComparison.CurrentCultureIgnoreCase;
                var receiver = Visit(call.Object!);
                var search = Visit(call.Arguments[0]);
                search = search is ValueExpr { Value: char c } ? new ValueExpr(c.ToString(), null) : search;
                return new CallExpr(function, [receiver, Typed(search, receiver)]) { IgnoreCase = ignoreCase };
            case "ToLower" or "ToLowerInvariant" when call.Arguments.Count == 0:
                return new CallExpr(ExprFunction.Lower, [Visit(call.Object!)]) { Type = StringType };
            case "ToUpper" or "ToUpperInvariant" when call.Arguments.Count == 0:
                return new CallExpr(ExprFunction.Upper, [Visit(call.Object!)]) { Type = StringType };
            case "Trim" when call.Arguments.Count == 0:
                return new CallExpr(ExprFunction.Trim, [Visit(call.Object!)]) { Type = StringType };
            case "Concat" when call.Object is null:
                return new CallExpr(ExprFunction.Concat, Elements(call.Arguments)) { Type = StringType };
            case "IsNullOrEmpty" when call.Object is null:
                var operand = Visit(call.Arguments[0]);
                return new BinaryExpr(BinaryOperator.Or, new IsNullExpr(operand),
                    new BinaryExpr(BinaryOperator.Equal, operand, new ValueExpr("", ExprTypes.Of(operand) ?? StringType)));
            default:
                throw Unsupported(call);
        }
    }

    private Expr VisitFn(MethodCallExpression call)
    {
        var args = call.Arguments;
        var resultType = AttributeType.Infer(call.Method.ReturnType);
        switch (call.Method.Name)
        {
            case nameof(Fn.Now):
                return new CallExpr(ExprFunction.Now, []) { Type = resultType };
            case nameof(Fn.Today):
                return new CallExpr(ExprFunction.Today, []) { Type = resultType };
            case nameof(Fn.Ago) or nameof(Fn.FromNow):
                return new CallExpr(call.Method.Name == nameof(Fn.Ago) ? ExprFunction.Ago : ExprFunction.FromNow, [Amount(args[0])])
                { Type = resultType, Unit = Constant<TimeUnit>(args[1]) };
            case nameof(Fn.DateAdd):
                return new CallExpr(ExprFunction.DateAdd, [Visit(args[0]), Amount(args[1])]) { Type = resultType, Unit = Constant<TimeUnit>(args[2]) };
            case nameof(Fn.Truncate):
                return new CallExpr(ExprFunction.DateTrunc, [Visit(args[0])]) { Type = resultType, Unit = Constant<TimeUnit>(args[1]) };
            case nameof(Fn.Like) or nameof(Fn.ILike):
                var value = Visit(args[0]);
                var pattern = Typed(Visit(args[1]), value);
                if (pattern is ValueExpr { Value: string text } && LikePatterns.Problem(text) is { } problem)
                {
                    throw AshlarException.From(new InvalidFilterValue($"{problem} (in the filter {_lambda})") { Resource = _root.Name });
                }

                return new CallExpr(call.Method.Name == nameof(Fn.Like) ? ExprFunction.Like : ExprFunction.ILike, [value, pattern]);
            case nameof(Fn.Concat):
                return new CallExpr(ExprFunction.Concat, Elements(args)) { Type = StringType };
            case nameof(Fn.IsDistinctFrom) or nameof(Fn.IsNotDistinctFrom):
                var (left, right) = (Visit(args[0]), Visit(args[1]));
                var op = call.Method.Name == nameof(Fn.IsDistinctFrom) ? BinaryOperator.IsDistinctFrom : BinaryOperator.IsNotDistinctFrom;
                return new BinaryExpr(op, Typed(left, right), Typed(right, left));
            case nameof(Fn.Cast):
                return new CastExpr(Visit(args[0]), resultType ?? throw Unsupported(call));
            case nameof(Fn.Overlaps):
                var array = Visit(args[0]);
                return new CallExpr(ExprFunction.ArrayOverlaps, [array, Typed(Visit(args[1]), array)]);
            case nameof(Fn.JsonGet):
                var path = Elements(args.Skip(1).ToList()).Select(e => (e as ValueExpr)?.Value?.ToString() ?? throw Unsupported(args[1])).ToArray();
                return new CallExpr(ExprFunction.JsonGet, [Visit(args[0]), new ValueExpr(path, TextArrayType)]) { Type = resultType };
            case nameof(Fn.Fragment):
                if (args[0] is not ConstantExpression { Value: string sql })
                {
                    throw Unsupported(args[0]);
                }

                return new FragmentExpr(sql, Elements(args.Skip(1).ToList())) { Type = resultType };
            case nameof(Fn.Exists) when args.Count == 1:
                return VisitUnrelatedExists(call);
            case nameof(Fn.Exists):
                return VisitExists(args[0], args[1]);
            default:
                throw Unsupported(call);
        }
    }

    private static readonly AttributeType TextArrayType =
        AttributeType.Of(TypeKind.Array, typeof(string[])) with { ElementType = AttributeType.Of(TypeKind.String, typeof(string)) };

    private Expr Amount(Expression amount)
    {
        var visited = Visit(amount);
        return visited is ValueExpr { Type: null } value ? new ValueExpr(value.Value, IntegerType) : visited;
    }

    private TValue Constant<TValue>(Expression node) =>
        !DependsOnParameter(node) && ExpressionNodes.Evaluate(node) is TValue value ? value : throw Unsupported(node);

    /// <summary>The expressions of a params array (or of plain arguments), each translated.</summary>
    private List<Expr> Elements(IReadOnlyList<Expression> arguments)
    {
        var result = new List<Expr>();
        foreach (var argument in arguments)
        {
            if (argument is NewArrayExpression array)
            {
                result.AddRange(array.Expressions.Select(Visit));
            }
            else if (argument.Type.IsArray && !DependsOnParameter(argument))
            {
                result.AddRange(((System.Collections.IEnumerable)ExpressionNodes.Evaluate(argument)!).Cast<object?>().Select(Captured));
            }
            else
            {
                result.Add(Visit(argument));
            }
        }

        return result;
    }

    private Expr VisitLength(Expression inner)
    {
        if (TryRelationship(inner, out _, out _, out _))
        {
            return VisitAggregate(inner, null, AggregateKind.Count, IntegerType);
        }

        var operand = Visit(inner);
        var type = ExprTypes.Of(operand);
        return new CallExpr(type?.Kind == TypeKind.Array ? ExprFunction.ArrayLength : ExprFunction.Length, [operand]) { Type = IntegerType };
    }

    private Expr ArrayHas(Expression collection, Expression item)
    {
        var array = Visit(collection);
        var element = Visit(item);
        if (element is ValueExpr { Type: null } value && ExprTypes.Of(array)?.ElementType is { } elementType)
        {
            element = new ValueExpr(CastValue(elementType, value.Value), elementType);
        }

        return new CallExpr(ExprFunction.ArrayHas, [array, element]);
    }

    private Expr In(Expression collection, Expression item)
    {
        var operand = Visit(item);
        var type = ExprTypes.Of(operand);
        if (type?.Kind is TypeKind.Array or TypeKind.Map)
        {
            throw AshlarException.From(new InvalidFilterValue(
                $"Contains over a list of {type} values (SQL IN) is not supported; compare with == (in the filter {_lambda})")
            { Resource = _root.Name });
        }

        var values = new List<object?>();
        foreach (var value in (System.Collections.IEnumerable?)ExpressionNodes.Evaluate(collection) ?? Array.Empty<object>())
        {
            values.Add(type is null ? Checked(value) : CastValue(type, value));
        }

        return new InExpr(operand, values);
    }

    private static bool IsContains(MethodCallExpression call, out Expression collection, out Expression item)
    {
        collection = null!;
        item = null!;
        if (call.Method.Name != "Contains")
        {
            return false;
        }

        // MemoryExtensions.Contains(span, value, comparer) has a third argument, null, when the elements are nullable.
        if (call.Method.IsStatic && call.Arguments[0].Type != typeof(string) &&
            (call.Arguments.Count == 2 || (call.Arguments.Count == 3 && call.Arguments[2] is ConstantExpression { Value: null })))
        {
            (collection, item) = (UnwrapSpan(call.Arguments[0]), call.Arguments[1]);
            return true;
        }

        if (!call.Method.IsStatic && call.Object is not null && call.Object.Type != typeof(string) && call.Arguments.Count == 1)
        {
            (collection, item) = (call.Object, call.Arguments[0]);
            return true;
        }

        return false;
    }

    /// <summary>C# 14 binds <c>array.Contains(x)</c> to <c>MemoryExtensions.Contains(span, x)</c>; the array is what counts.</summary>
    private static Expression UnwrapSpan(Expression node) =>
        node is MethodCallExpression { Method.Name: "op_Implicit", Arguments: [var inner] } ? inner : node;
}
