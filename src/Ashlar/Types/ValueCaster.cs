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
                return true;
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException or JsonException or ArgumentException)
        {
            error = $"is invalid: cannot cast {Describe(value)} to {type}";
            return false;
        }

        error ??= $"is invalid: cannot cast {Describe(value)} to {type}";
        return false;
    }

    private static object? Cast(AttributeType type, object value)
    {
        var target = type.ClrType;
        if (target.IsInstanceOfType(value) && type.Kind is not TypeKind.UtcDateTime and not TypeKind.Array)
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
                string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None),
                _ => null,
            },
            TypeKind.Binary => value is string s ? Convert.FromBase64String(s) : null,
            TypeKind.Enum => value switch
            {
                string s when EnumNames.TryParse(target, s, out var parsed) => parsed,
                string => throw new FormatException(),
                _ when value.GetType().IsPrimitive && Enum.IsDefined(target, Convert.ChangeType(value, Enum.GetUnderlyingType(target), CultureInfo.InvariantCulture)) =>
                    Enum.ToObject(target, value),
                _ => null,
            },
            TypeKind.Map => value is string s ? JsonSerializer.Deserialize(s, target) : JsonSerializer.Deserialize(JsonSerializer.SerializeToElement(value), target),
            TypeKind.Array => ArrayValue(type, value),
            _ => null,
        };
    }

    private static object? Number(Type target, object value) => value switch
    {
        string s => Convert.ChangeType(s, target, CultureInfo.InvariantCulture),
        bool => null,
        IConvertible when value.GetType().IsPrimitive || value is decimal => NumberFrom(target, value),
        _ => null,
    };

    private static object? NumberFrom(Type target, object value)
    {
        if (target != typeof(double) && value is double or float)
        {
            var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (target != typeof(decimal) && Math.Floor(d) != d)
            {
                throw new FormatException();
            }
        }

        return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

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

        return target == typeof(DateTime) ? instant.UtcDateTime : instant.ToUniversalTime();
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

        var target = type.ClrType;
        if (target.IsArray)
        {
            var array = Array.CreateInstance(element.ClrType, list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                array.SetValue(list[i], i);
            }

            return array;
        }

        var typedList = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element.ClrType))!;
        foreach (var item in list)
        {
            typedList.Add(item);
        }

        return typedList;
    }

    private static object? FromJson(AttributeType type, JsonElement json) => type.Kind switch
    {
        TypeKind.Map => json.Deserialize(type.ClrType),
        TypeKind.Array when json.ValueKind == JsonValueKind.Array => ArrayValue(type, json.EnumerateArray().Cast<object>().ToList()),
        TypeKind.Array => null,
        _ when json.ValueKind == JsonValueKind.String => Cast(type, json.GetString()!),
        _ when json.ValueKind == JsonValueKind.Number && type.Kind is TypeKind.Short or TypeKind.Integer or TypeKind.Long or TypeKind.Decimal or TypeKind.Double or TypeKind.Enum =>
            Cast(type, json.GetDecimal()),
        _ when json.ValueKind is JsonValueKind.True or JsonValueKind.False && type.Kind == TypeKind.Boolean => json.GetBoolean(),
        _ => null,
    };

    private static string Describe(object value) => value switch
    {
        string s => $"\"{(s.Length > 40 ? s[..40] + "…" : s)}\"",
        JsonElement j => j.GetRawText().Length > 40 ? j.GetRawText()[..40] + "…" : j.GetRawText(),
        _ => $"{value} ({value.GetType().Name})",
    };
}
