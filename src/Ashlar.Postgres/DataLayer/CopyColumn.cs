using Ashlar.Postgres.Types;
using Ashlar.Resources;
using Ashlar.Types;
using Npgsql;
using NpgsqlTypes;

namespace Ashlar.Postgres.DataLayer;

/// <summary>
/// Writes one column's values into a binary COPY with Npgsql's typed writer for the column's element type, so a value
/// is not resolved again by its runtime type on every row; values of another type go through the generic writer.
/// </summary>
internal abstract class CopyColumn
{
    public static CopyColumn For(AttributeDefinition column)
    {
        var type = column.Type;
        var dbType = PgTypeMap.ParameterType(type);
        return type.Kind switch
        {
            TypeKind.String or TypeKind.CiString => new Of<string>(type, dbType, converts: false),
            TypeKind.Enum => new Of<string>(type, dbType, converts: true),
            TypeKind.Binary => new Of<byte[]>(type, dbType, converts: false),
            TypeKind.Short => new Of<short>(type, dbType, converts: false),
            TypeKind.Integer => new Of<int>(type, dbType, converts: false),
            TypeKind.Long => new Of<long>(type, dbType, converts: false),
            TypeKind.Decimal => new Of<decimal>(type, dbType, converts: false),
            TypeKind.Double => new Of<double>(type, dbType, converts: false),
            TypeKind.Boolean => new Of<bool>(type, dbType, converts: false),
            TypeKind.Uuid => new Of<Guid>(type, dbType, converts: false),
            TypeKind.Date => new Of<DateOnly>(type, dbType, converts: false),
            TypeKind.Time => new Of<TimeOnly>(type, dbType, converts: false),
            TypeKind.UtcDateTime or TypeKind.NaiveDateTime when (Nullable.GetUnderlyingType(type.ClrType) ?? type.ClrType) == typeof(DateTimeOffset) =>
                new Of<DateTimeOffset>(type, dbType, converts: true),
            TypeKind.UtcDateTime or TypeKind.NaiveDateTime => new Of<DateTime>(type, dbType, converts: true),
            _ => new Of<object>(type, dbType, converts: true),
        };
    }

    /// <summary>Writes a non-nil value of the column.</summary>
    public abstract Task WriteAsync(NpgsqlBinaryImporter importer, object value, CancellationToken cancellationToken);

    private sealed class Of<TValue>(AttributeType type, NpgsqlDbType dbType, bool converts) : CopyColumn
    {
        public override Task WriteAsync(NpgsqlBinaryImporter importer, object value, CancellationToken cancellationToken)
        {
            if (!converts && value is TValue typed)
            {
                return importer.WriteAsync(typed, dbType, cancellationToken);
            }

            var stored = ValueConverter.ToDatabase(type, value);
            return stored is TValue converted
                ? importer.WriteAsync(converted, dbType, cancellationToken)
                : importer.WriteAsync(stored, dbType, cancellationToken);
        }
    }
}
