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
internal sealed class BulkColumns
{
    private readonly IReadOnlyList<AttributeDefinition> _columns;
    private readonly ColumnArray[] _arrays;

    private BulkColumns(IReadOnlyList<AttributeDefinition> columns, ColumnArray[] arrays)
    {
        _columns = columns;
        _arrays = arrays;
    }

    /// <summary>The SQL type of the column's array parameter (without the <c>[]</c>).</summary>
    public static string ElementSqlType(AttributeType type) =>
        type.Kind is TypeKind.Array or TypeKind.Map ? "jsonb" : PgTypeMap.ColumnType(type);

    /// <summary>
    /// One typed array per column; a row without a value for a column holds NULL there. A row whose values are the
    /// columns themselves, in order (as a bulk create builds them), is copied by position; any other is matched by name.
    /// </summary>
    public static BulkColumns Build(IReadOnlyList<AttributeDefinition> columns, IReadOnlyList<IReadOnlyList<FieldValue>> rows)
    {
        var arrays = new ColumnArray[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            arrays[c] = ColumnArray.For(columns[c].Type, rows.Count);
        }

        Dictionary<string, int>? positions = null;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (Aligned(row, columns))
            {
                for (var c = 0; c < arrays.Length; c++)
                {
                    if (row[c].Value is { } value)
                    {
                        arrays[c].Set(r, value);
                    }
                }

                continue;
            }

            positions ??= columns.Select((column, c) => (column.Name, c)).ToDictionary(p => p.Name, p => p.c, StringComparer.Ordinal);
            for (var i = 0; i < row.Count; i++)
            {
                var (attribute, value) = row[i];
                if (value is not null && positions.TryGetValue(attribute.Name, out var c))
                {
                    arrays[c].Set(r, value);
                }
            }
        }

        return new BulkColumns(columns, arrays);
    }

    /// <summary>One array parameter per column.</summary>
    public StatementParameter[] Parameters()
    {
        var parameters = new StatementParameter[_columns.Count];
        for (var c = 0; c < _columns.Count; c++)
        {
            parameters[c] = new StatementParameter(_arrays[c].Items, NpgsqlDbType.Array | ElementDbType(_columns[c].Type));
        }

        return parameters;
    }

    /// <summary>Compares rows <paramref name="a"/> and <paramref name="b"/> on column <paramref name="column"/> (nil first).</summary>
    public int Compare(int column, int a, int b) => _arrays[column].Compare(a, b);

    /// <summary>Puts the rows in <paramref name="order"/> (row <c>i</c> becomes the row at <c>order[i]</c>).</summary>
    public void Reorder(int[] order)
    {
        foreach (var array in _arrays)
        {
            array.Reorder(order);
        }
    }

    private static bool Aligned(IReadOnlyList<FieldValue> row, IReadOnlyList<AttributeDefinition> columns)
    {
        if (row.Count != columns.Count)
        {
            return false;
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (!ReferenceEquals(row[c].Attribute, columns[c]))
            {
                return false;
            }
        }

        return true;
    }

    private static object Element(AttributeType type, object value) => type.Kind switch
    {
        TypeKind.Array => JsonSerializer.Serialize(ValueConverter.ToDatabase(type, value)),
        _ => ValueConverter.ToDatabase(type, value),
    };

    private static NpgsqlDbType ElementDbType(AttributeType type) =>
        type.Kind is TypeKind.Array or TypeKind.Map ? NpgsqlDbType.Jsonb : PgTypeMap.ParameterType(type);

    /// <summary>One column's values as the typed array Npgsql sends; values already of the element type are stored as they are.</summary>
    private abstract class ColumnArray
    {
        public abstract Array Items { get; }

        public static ColumnArray For(AttributeType type, int count) => type.Kind switch
        {
            TypeKind.String => new Of<string>(type, count, converts: false, StringComparer.Ordinal),
            TypeKind.CiString => new Of<string>(type, count, converts: false, StringComparer.OrdinalIgnoreCase),
            TypeKind.Enum or TypeKind.Map or TypeKind.Array => new Of<string>(type, count, converts: true, StringComparer.Ordinal),
            TypeKind.Binary => new Of<byte[]>(type, count, converts: false, Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y))),
            TypeKind.Short => Value<short>(type, count),
            TypeKind.Integer => Value<int>(type, count),
            TypeKind.Long => Value<long>(type, count),
            TypeKind.Decimal => Value<decimal>(type, count),
            TypeKind.Double => Value<double>(type, count),
            TypeKind.Boolean => Value<bool>(type, count),
            TypeKind.Uuid => Value<Guid>(type, count),
            TypeKind.Date => Value<DateOnly>(type, count),
            TypeKind.Time => Value<TimeOnly>(type, count),
            TypeKind.UtcDateTime when (Nullable.GetUnderlyingType(type.ClrType) ?? type.ClrType) == typeof(DateTimeOffset) => Value<DateTimeOffset>(type, count, converts: true),
            TypeKind.UtcDateTime or TypeKind.NaiveDateTime => Value<DateTime>(type, count, converts: true),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No array element type for this attribute type."),
        };

        public abstract void Set(int row, object value);

        public abstract int Compare(int a, int b);

        public abstract void Reorder(int[] order);

        private static Of<TValue?> Value<TValue>(AttributeType type, int count, bool converts = false)
            where TValue : struct =>
            new(type, count, converts, Comparer<TValue?>.Default);

        /// <summary>
        /// A column of <typeparamref name="TElement"/>. A value that is not one yet (or whose type the database stores
        /// differently: enums, timestamps, JSON) goes through <see cref="ValueConverter"/> first.
        /// </summary>
        private sealed class Of<TElement>(AttributeType type, int count, bool converts, IComparer<TElement> comparer) : ColumnArray
        {
            private TElement[] _items = new TElement[count];

            public override Array Items => _items;

            public override void Set(int row, object value)
            {
                if (!converts && value is TElement element)
                {
                    _items[row] = element;
                    return;
                }

                var stored = Element(type, value);
                if (stored is TElement converted)
                {
                    _items[row] = converted;
                }
                else
                {
                    _items.SetValue(stored, row);
                }
            }

            // Nil sorts first; the comparers given take nil for reference types only through this check.
            public override int Compare(int a, int b)
            {
                var x = _items[a];
                var y = _items[b];
                return x is null || y is null ? (x is null ? 0 : 1) - (y is null ? 0 : 1) : comparer.Compare(x, y);
            }

            public override void Reorder(int[] order)
            {
                var reordered = new TElement[_items.Length];
                for (var i = 0; i < order.Length; i++)
                {
                    reordered[i] = _items[order[i]];
                }

                _items = reordered;
            }
        }
    }
}
