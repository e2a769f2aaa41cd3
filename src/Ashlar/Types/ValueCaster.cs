using System.Globalization;
using System.Text.Json;

namespace Ashlar.Types;

/// <summary>
/// Casts values from callers (typed values, strings from a form, <see cref="JsonElement"/>s from a request body)
/// to an attribute's CLR type. Failure is a result, not an exception, so callers can collect every error.
/// </summary>
internal static class ValueCaster
{
    public static bool TryCast(AttributeType type, object? value, out object? result, out string? error)
    {
        error = null;
        result = null;
        if (value is null || value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
        {
            return true;
        }

        try
        {
            result = Cast(type, value);
            if (result is not null)
            {
                // PostgreSQL refuses NUL and cannot encode lone surrogates: refused here, before any SQL runs.
                if (StorableText.Problem(result) is { } problem)
                {
                    result = null;
                    error = $"is invalid: {problem}";
                    return false;
                }

                return true;
            }
        }
        catch (InvalidOperationException) when (value is JsonElement)
        {
            error = $"is invalid: {StorableText.InvalidJsonText}";
            return false;
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException or JsonException or ArgumentException)
        {
            error = value is JsonElement json && StorableText.Problem(json) is { } problem
                ? $"is invalid: {problem}"
                : $"is invalid: cannot cast {Describe(value)} to {type}";
            return false;
        }

        error ??= $"is invalid: cannot cast {Describe(value)} to {type}";
        return false;
    }

    private static object? Cast(AttributeType type, object value)
    {
        var target = type.ClrType;
        if (target.IsInstanceOfType(value) && type.Kind is not TypeKind.UtcDateTime and not TypeKind.NaiveDateTime and not TypeKind.Array and not TypeKind.Enum)
        {
            return value;
        }

        if (value is JsonElement json)
        {
            return FromJson(type, json);
        }

        return type.Kind switch
        {
            TypeKind.String or TypeKind.CiString => value is string or char or Guid ? value.ToString() : null,
            TypeKind.Short or TypeKind.Integer or TypeKind.Long or TypeKind.Decimal or TypeKind.Double => Number(target, value),
            TypeKind.Boolean => value is string s ? bool.Parse(s) : null,
            TypeKind.Uuid => value is string s ? Guid.Parse(s) : null,
            TypeKind.Date => value switch
            {
                string s => DateOnly.Parse(s, CultureInfo.InvariantCulture),
                DateTime d => DateOnly.FromDateTime(d),
                _ => null,
            },
            TypeKind.Time => value is string s ? TimeOnly.Parse(s, CultureInfo.InvariantCulture) : null,
            TypeKind.UtcDateTime => UtcDateTime(target, value),
            TypeKind.NaiveDateTime => value switch
            {
                DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Unspecified),
                string s when !s.EndsWith('Z') && !HasOffset(s) =>
                    DateTime.SpecifyKind(DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Unspecified),
                string => throw new FormatException("a naive timestamp has no time zone"),
                _ => null,
            },
            TypeKind.Binary => value is string s ? Convert.FromBase64String(s) : null,
            TypeKind.Enum => value switch
            {
                string s when EnumNames.TryParse(target, s, out var parsed) => parsed,
                string => throw new FormatException(),
                Enum e when e.GetType() == target => Enum.IsDefined(target, e) ? e : null,
                _ when (value.GetType().IsPrimitive || value is decimal) && IsWhole(value) &&
                       Enum.IsDefined(target, Convert.ChangeType(value, Enum.GetUnderlyingType(target), CultureInfo.InvariantCulture)) =>
                    Enum.ToObject(target, Convert.ChangeType(value, Enum.GetUnderlyingType(target), CultureInfo.InvariantCulture)),
                _ => null,
            },
            TypeKind.Map => value is string s ? JsonSerializer.Deserialize(s, target) : JsonSerializer.Deserialize(JsonSerializer.SerializeToElement(value), target),
            TypeKind.Array => ArrayValue(type, value),
            _ => null,
        };
    }

    private static object? Number(Type target, object value) => value switch
    {
        string s => ParseNumber(target, s),
        bool => null,
        IConvertible when value.GetType().IsPrimitive || value is decimal => NumberFrom(target, value),
        _ => null,
    };

    private static object? NumberFrom(Type target, object value)
    {
        var integral = target != typeof(double) && target != typeof(decimal);
        if (integral && !IsWhole(value))
        {
            throw new FormatException("an integer cannot hold a fraction");
        }

        if (value is double d && (double.IsNaN(d) || double.IsInfinity(d)) && target != typeof(double))
        {
            throw new FormatException("not a finite number");
        }

        return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    private static object ParseNumber(Type target, string text)
    {
        const NumberStyles style = NumberStyles.Float;
        return target switch
        {
            _ when target == typeof(double) => double.Parse(text, style, CultureInfo.InvariantCulture),
            _ when target == typeof(decimal) => decimal.Parse(text, style, CultureInfo.InvariantCulture),
            _ => NumberFrom(target, decimal.Parse(text, style, CultureInfo.InvariantCulture))!,
        };
    }

    private static bool IsWhole(object value) => value switch
    {
        double d => !double.IsNaN(d) && !double.IsInfinity(d) && Math.Floor(d) == d,
        float f => !float.IsNaN(f) && !float.IsInfinity(f) && MathF.Floor(f) == f,
        decimal m => decimal.Truncate(m) == m,
        _ => true,
    };

    private static bool HasOffset(string text) =>
        text.Length > 10 && (text.LastIndexOf('+') > 10 || text.LastIndexOf('-') > 10);

    private static object? UtcDateTime(Type target, object value)
    {
        DateTimeOffset instant;
        switch (value)
        {
            case DateTimeOffset o:
                instant = o;
                break;
            case DateTime { Kind: DateTimeKind.Unspecified }:
                throw new ArgumentException("unspecified kind");
            case DateTime d:
                instant = new DateTimeOffset(d.ToUniversalTime());
                break;
            case string s:
                instant = DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                break;
            default:
                return null;
        }

        return target == typeof(DateTime) ? (object)instant.UtcDateTime : instant.ToUniversalTime();
    }

    private static object? ArrayValue(AttributeType type, object value)
    {
        if (value is string || value is not System.Collections.IEnumerable items)
        {
            return null;
        }

        var element = type.ElementType!;
        var list = new List<object?>();
        foreach (var item in items)
        {
            if (!TryCast(element, item, out var cast, out _))
            {
                throw new FormatException();
            }

            list.Add(cast);
        }

        var elementClr = TypedCollections.ElementType(type.ClrType)!;
        if (list.Contains(null) && elementClr.IsValueType && Nullable.GetUnderlyingType(elementClr) is null)
        {
            throw new FormatException("the array's elements cannot be nil");
        }

        return TypedCollections.Create(type.ClrType, elementClr, list);
    }

    private static object? FromJson(AttributeType type, JsonElement json) => type.Kind switch
    {
        TypeKind.Map => json.Deserialize(type.ClrType),
        TypeKind.Array when json.ValueKind == JsonValueKind.Array => ArrayValue(type, json.EnumerateArray().Cast<object>().ToList()),
        TypeKind.Array => null,
        _ when json.ValueKind == JsonValueKind.String => Cast(type, json.GetString()!),
        _ when json.ValueKind == JsonValueKind.Number && type.Kind == TypeKind.Double => json.GetDouble(),
        _ when json.ValueKind == JsonValueKind.Number && type.Kind is TypeKind.Short or TypeKind.Integer or TypeKind.Long or TypeKind.Decimal or TypeKind.Enum =>
            Cast(type, json.GetDecimal()),
        _ when json.ValueKind is JsonValueKind.True or JsonValueKind.False && type.Kind == TypeKind.Boolean => json.GetBoolean(),
        _ => null,
    };

    private static string Describe(object value) => value switch
    {
        string s => $"\"{Shorten(s)}\"",
        JsonElement j => Shorten(RawText(j)),
        _ => $"{Shorten(value.ToString() ?? "")} ({value.GetType().Name})",
    };

    private static string RawText(JsonElement json)
    {
        try
        {
            return json.GetRawText();
        }
        catch (InvalidOperationException)
        {
            return $"a JSON {json.ValueKind.ToString().ToLowerInvariant()} that is not valid UTF-8";
        }
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
