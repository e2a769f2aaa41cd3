using System.Text.Json;
using Ashlar.Types;

namespace Ashlar.Expressions.Input;

internal sealed partial class FilterInputParser
{
    private Expr? Operators((Expr Expr, AttributeType Type, string Name) reference, JsonElement operators, string at)
    {
        var parts = new List<Expr>();
        foreach (var property in operators.EnumerateObject())
        {
            if (Name(property, at, reference.Name) is not { } op)
            {
                continue;
            }

            if (Operator(reference, op, property.Value, at + "." + op) is { } part)
            {
                parts.Add(part);
            }
        }

        return ExprChain.Join(BinaryOperator.And, parts);
    }

    private Expr? Operator((Expr Expr, AttributeType Type, string Name) reference, string op, JsonElement value, string at)
    {
        var attribute = reference;
        var isString = attribute.Type.Kind is TypeKind.String or TypeKind.CiString;
        switch (op)
        {
            case "eq" or "equals":
                return Compare(BinaryOperator.Equal, reference, value, at);
            case "not_eq":
                return Compare(BinaryOperator.NotEqual, reference, value, at);
            case "gt" or "greater_than":
                return Compare(BinaryOperator.GreaterThan, reference, value, at);
            case "gte" or "greater_than_or_equal":
                return Compare(BinaryOperator.GreaterThanOrEqual, reference, value, at);
            case "lt" or "less_than":
                return Compare(BinaryOperator.LessThan, reference, value, at);
            case "lte" or "less_than_or_equal":
                return Compare(BinaryOperator.LessThanOrEqual, reference, value, at);
            case "is_distinct_from":
                return Compare(BinaryOperator.IsDistinctFrom, reference, value, at);
            case "in":
                return In(reference, value, at);
            case "is_nil":
                if (value.ValueKind is not JsonValueKind.True and not JsonValueKind.False)
                {
                    Fail(at, "is_nil takes true or false", field: attribute.Name);
                    return null;
                }

                Expr isNil = new IsNullExpr(reference.Expr);
                return value.GetBoolean() ? isNil : new NotExpr(isNil);
            case "contains" or "starts_with" or "ends_with" or "like" or "ilike" when isString:
                var function = op switch
                {
                    "contains" => ExprFunction.Contains,
                    "starts_with" => ExprFunction.StartsWith,
                    "ends_with" => ExprFunction.EndsWith,
                    "like" => ExprFunction.Like,
                    _ => ExprFunction.ILike,
                };
                if (Value(attribute.Type, value, at, attribute.Name) is not { Value: string text } pattern)
                {
                    return value.ValueKind == JsonValueKind.Null ? NullNotAllowed(at, attribute.Name) : null;
                }

                if (function is ExprFunction.Like or ExprFunction.ILike && LikePatterns.Problem(text) is { } problem)
                {
                    Fail(at, problem, field: attribute.Name);
                    return null;
                }

                return new CallExpr(function, [reference.Expr, pattern]);
            default:
                Fail(at, $"'{Shorten(op)}' is not a supported operator for {attribute.Name}", reference: true, field: attribute.Name);
                return null;
        }
    }

    private Expr? Compare(BinaryOperator op, (Expr Expr, AttributeType Type, string Name) reference, JsonElement value, string at)
    {
        var cast = Value(reference.Type, value, at, reference.Name);
        if (cast is null)
        {
            return null;
        }

        if (cast.Value is null && op is BinaryOperator.Equal or BinaryOperator.NotEqual)
        {
            Expr isNil = new IsNullExpr(reference.Expr);
            return op == BinaryOperator.Equal ? isNil : new NotExpr(isNil);
        }

        return new BinaryExpr(op, reference.Expr, cast);
    }

    private Expr? In((Expr Expr, AttributeType Type, string Name) reference, JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(at, "in takes an array of values", field: reference.Name);
            return null;
        }

        if (reference.Type.Kind is TypeKind.Array or TypeKind.Map)
        {
            Fail(at, $"in is not supported for a value of type {reference.Type}; compare with eq", field: reference.Name);
            return null;
        }

        var values = new List<object?>();
        foreach (var element in value.EnumerateArray())
        {
            if (Value(reference.Type, element, at, reference.Name) is not { } cast)
            {
                return null;
            }

            values.Add(cast.Value);
        }

        return new InExpr(reference.Expr, values);
    }

    /// <summary>Casts a JSON value to the attribute's type; text PostgreSQL cannot store (NUL, invalid Unicode) is refused.</summary>
    private ValueExpr? Value(AttributeType type, JsonElement value, string at, string field)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && type.Kind is not TypeKind.Map and not TypeKind.Array)
        {
            Fail(at, $"expects a single {type} value", field: field);
            return null;
        }

        if (!ValueCaster.TryCast(type, value, out var cast, out var error))
        {
            Fail(at, error ?? "is invalid", field: field);
            return null;
        }

        return new ValueExpr(cast, type);
    }

    /// <summary>A name from the input, or null (the error recorded) when it is not valid Unicode text.</summary>
    private string? Name(JsonProperty property, string at, string? field)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            Fail(at, $"a name is invalid: {StorableText.InvalidJsonText}", reference: true, field: field);
            return null;
        }
    }

    private Expr? NullNotAllowed(string at, string field)
    {
        Fail(at, "needs a value, not null", field: field);
        return null;
    }
}
