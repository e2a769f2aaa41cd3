using System.Text.Json;
using Ashlar.Types;
using Npgsql;

namespace Ashlar.Postgres.Types;

/// <summary>Converts between record values and what Npgsql reads and writes for each attribute type.</summary>
internal static class ValueConverter
{
    /// <summary>The value to send as a parameter.</summary>
    public static object ToDatabase(AttributeType type, object? value) => value switch
    {
        null => DBNull.Value,
        Enum e => EnumNames.ToStored(e),
        DateTimeOffset o => o.ToUniversalTime(),
        DateTime { Kind: DateTimeKind.Local } d => d.ToUniversalTime(),
        _ when type.Kind == TypeKind.Map => JsonSerializer.Serialize(value, type.ClrType),
        _ => value,
    };

    /// <summary>Reads column <paramref name="ordinal"/> as the attribute's CLR type (null for SQL NULL).</summary>
    public static object? Read(NpgsqlDataReader reader, int ordinal, AttributeType type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return type.Kind switch
        {
            TypeKind.Enum => EnumNames.TryParse(type.ClrType, reader.GetString(ordinal), out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"The database holds '{reader.GetString(ordinal)}', which is not a value of {type.ClrType.Name}."),
            TypeKind.Map => JsonSerializer.Deserialize(reader.GetString(ordinal), type.ClrType),
            TypeKind.UtcDateTime when type.ClrType == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
            TypeKind.UtcDateTime => reader.GetFieldValue<DateTime>(ordinal),
            TypeKind.Date => reader.GetFieldValue<DateOnly>(ordinal),
            TypeKind.Time => reader.GetFieldValue<TimeOnly>(ordinal),
            TypeKind.Array => ReadArray(reader, ordinal, type),
            _ => reader.GetValue(ordinal),
        };
    }

    private static object? ReadArray(NpgsqlDataReader reader, int ordinal, AttributeType type)
    {
        var array = (Array)reader.GetValue(ordinal);
        if (type.ClrType.IsArray)
        {
            return array;
        }

        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type.ElementType!.ClrType))!;
        foreach (var item in array)
        {
            list.Add(item);
        }

        return list;
    }
}
