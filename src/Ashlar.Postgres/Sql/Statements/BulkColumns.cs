using System.Text.Json;
using Ashlar.DataLayer;
using Ashlar.Postgres.Types;
using Ashlar.Resources;
using Ashlar.Types;
using NpgsqlTypes;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>
/// A batch of rows turned into one typed array per column, for <c>unnest</c>: scalars as arrays of their type (nil
/// as NULL), JSON maps as <c>jsonb[]</c>, and array attributes as <c>jsonb[]</c> of JSON arrays (PostgreSQL has no
/// arrays of arrays of different lengths), unpacked again in SQL.
/// </summary>
internal static class BulkColumns
{
    /// <summary>The SQL type of the column's array parameter (without the <c>[]</c>).</summary>
    public static string ElementSqlType(AttributeType type) =>
        type.Kind is TypeKind.Array or TypeKind.Map ? "jsonb" : PgTypeMap.ColumnType(type);

    /// <summary>One array parameter per column; a row without a value for a column holds NULL there.</summary>
    public static StatementParameter[] Build(IReadOnlyList<AttributeDefinition> columns, IReadOnlyList<IReadOnlyList<FieldValue>> rows)
    {
        var arrays = new Array[columns.Count];
        var positions = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            arrays[c] = Array.CreateInstance(ClrElement(columns[c].Type), rows.Count);
            positions[columns[c].Name] = c;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            for (var i = 0; i < row.Count; i++)
            {
                var (attribute, value) = row[i];
                if (value is not null && positions.TryGetValue(attribute.Name, out var c))
                {
                    arrays[c].SetValue(Element(attribute.Type, value), r);
                }
            }
        }

        var parameters = new StatementParameter[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            parameters[c] = new StatementParameter(arrays[c], NpgsqlDbType.Array | ElementDbType(columns[c].Type));
        }

        return parameters;
    }

    private static object Element(AttributeType type, object value) => type.Kind switch
    {
        TypeKind.Array => JsonSerializer.Serialize(ValueConverter.ToDatabase(type, value)),
        _ => ValueConverter.ToDatabase(type, value),
    };

    private static NpgsqlDbType ElementDbType(AttributeType type) =>
        type.Kind is TypeKind.Array or TypeKind.Map ? NpgsqlDbType.Jsonb : PgTypeMap.ParameterType(type);

    private static Type ClrElement(AttributeType type) => type.Kind switch
    {
        TypeKind.String or TypeKind.CiString or TypeKind.Enum or TypeKind.Map or TypeKind.Array => typeof(string),
        TypeKind.Binary => typeof(byte[]),
        TypeKind.Short => typeof(short?),
        TypeKind.Integer => typeof(int?),
        TypeKind.Long => typeof(long?),
        TypeKind.Decimal => typeof(decimal?),
        TypeKind.Double => typeof(double?),
        TypeKind.Boolean => typeof(bool?),
        TypeKind.Uuid => typeof(Guid?),
        TypeKind.Date => typeof(DateOnly?),
        TypeKind.Time => typeof(TimeOnly?),
        TypeKind.UtcDateTime when (Nullable.GetUnderlyingType(type.ClrType) ?? type.ClrType) == typeof(DateTimeOffset) => typeof(DateTimeOffset?),
        TypeKind.UtcDateTime or TypeKind.NaiveDateTime => typeof(DateTime?),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No array element type for this attribute type."),
    };
}
