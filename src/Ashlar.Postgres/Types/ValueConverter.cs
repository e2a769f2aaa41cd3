using System.Text.Json;
using Ashlar.Types;
using Npgsql;

namespace Ashlar.Postgres.Types;

/// <summary>Converts between record values and what Npgsql reads and writes for each attribute type.</summary>
internal static class ValueConverter
{
    private static readonly System.Reflection.MethodInfo GetFieldValue =
        typeof(NpgsqlDataReader).GetMethod(nameof(NpgsqlDataReader.GetFieldValue), [typeof(int)])!;

    /// <summary>The value to send as a parameter.</summary>
    public static object ToDatabase(AttributeType type, object? value) => value switch
    {
        null => DBNull.Value,
        Enum e => EnumNames.ToStored(e),
        DateTimeOffset o => o.ToUniversalTime(),
        DateTime d when type.Kind == TypeKind.NaiveDateTime => DateTime.SpecifyKind(d, DateTimeKind.Unspecified),
        DateTime { Kind: DateTimeKind.Local } d => d.ToUniversalTime(),
        _ when type.Kind == TypeKind.Map => JsonSerializer.Serialize(value, type.ClrType),
        System.Collections.IEnumerable items when type.Kind == TypeKind.Array && NeedsElementConversion(type.ElementType!) => ArrayToDatabase(type.ElementType!, items),
        _ => value,
    };

    /// <summary>An array whose elements need converting (enums to text, dates to UTC), as a typed array.</summary>
    private static object ArrayToDatabase(AttributeType element, System.Collections.IEnumerable items)
    {
        var converted = items.Cast<object?>().Select(item => item is null ? null : ToDatabase(element, item)).ToArray();
        return element.Kind == TypeKind.Enum
            ? converted.Cast<string?>().ToArray()
            : TypedCollections.ToArray(ArrayElementType(converted), converted);
    }

    /// <summary>Reads column <paramref name="ordinal"/> as the attribute's CLR type (null for SQL NULL).</summary>
    public static object? Read(NpgsqlDataReader reader, int ordinal, AttributeType type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return type.Kind switch
        {
            TypeKind.Enum => ParseEnum(type, reader.GetString(ordinal)),
            TypeKind.Map => JsonSerializer.Deserialize(reader.GetString(ordinal), type.ClrType),
            TypeKind.UtcDateTime when type.ClrType == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
            TypeKind.UtcDateTime => reader.GetFieldValue<DateTime>(ordinal),
            TypeKind.Date => reader.GetFieldValue<DateOnly>(ordinal),
            TypeKind.Time => reader.GetFieldValue<TimeOnly>(ordinal),
            TypeKind.Array => ReadArray(reader, ordinal, type),
            _ => reader.GetValue(ordinal),
        };
    }

    /// <summary>The element type of converted values: their own type, nullable when some are nil.</summary>
    private static Type ArrayElementType(object?[] values)
    {
        var elementType = values.FirstOrDefault(c => c is not null)?.GetType() ?? typeof(object);
        return values.Contains(null) && elementType.IsValueType ? typeof(Nullable<>).MakeGenericType(elementType) : elementType;
    }

    private static bool NeedsElementConversion(AttributeType element) =>
        element.Kind is TypeKind.Enum or TypeKind.UtcDateTime or TypeKind.NaiveDateTime;

    private static object ParseEnum(AttributeType type, string stored) =>
        EnumNames.TryParse(type.ClrType, stored, out var parsed)
            ? parsed!
            : throw new InvalidOperationException($"The database holds '{stored}', which is not a value of {type.ClrType.Name}.");

    private static object? ReadElement(AttributeType element, object? raw) => raw switch
    {
        null or DBNull => null,
        string s when element.Kind == TypeKind.Enum => ParseEnum(element, s),
        DateTime d when element.Kind == TypeKind.UtcDateTime && element.ClrType == typeof(DateTimeOffset) =>
            new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateTime d when element.Kind == TypeKind.Date => DateOnly.FromDateTime(d),
        TimeSpan t when element.Kind == TypeKind.Time => TimeOnly.FromTimeSpan(t),
        _ => raw,
    };

    private static object ReadArray(NpgsqlDataReader reader, int ordinal, AttributeType type)
    {
        var element = type.ElementType!;
        var target = type.ClrType;
        var elementClr = TypedCollections.ElementType(target)!;
        var stored = element.Kind == TypeKind.Enum ? typeof(string) : Nullable.GetUnderlyingType(elementClr) ?? elementClr;
        var readAs = (stored.IsValueType ? typeof(Nullable<>).MakeGenericType(stored) : stored).MakeArrayType();
        var raw = (Array)GetFieldValue.MakeGenericMethod(readAs).Invoke(reader, [ordinal])!;
        var items = new object?[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            items[i] = ReadElement(element, raw.GetValue(i));
        }

        return TypedCollections.Create(target, elementClr, items);
    }
}
