using Ashlar.Types;
using NpgsqlTypes;

namespace Ashlar.Postgres.Types;

/// <summary>Maps attribute types to PostgreSQL column types and to the Npgsql parameter types that write them.</summary>
internal static class PgTypeMap
{
    /// <summary>The column type, as PostgreSQL spells it in <c>format_type</c> (so catalog comparisons agree).</summary>
    public static string ColumnType(AttributeType type) => type.Kind switch
    {
        TypeKind.String => "text",
        TypeKind.CiString => "citext",
        TypeKind.Short => "smallint",
        TypeKind.Integer => "integer",
        TypeKind.Long => "bigint",
        TypeKind.Decimal when type.Precision is { } precision => $"numeric({precision},{type.Scale ?? 0})",
        TypeKind.Decimal => "numeric",
        TypeKind.Double => "double precision",
        TypeKind.Boolean => "boolean",
        TypeKind.Uuid => "uuid",
        TypeKind.Date => "date",
        TypeKind.Time => "time without time zone",
        TypeKind.UtcDateTime => "timestamp with time zone",
        TypeKind.NaiveDateTime => "timestamp without time zone",
        TypeKind.Binary => "bytea",
        TypeKind.Enum => "text",
        TypeKind.Map => "jsonb",
        TypeKind.Array => ColumnType(type.ElementType!) + "[]",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No PostgreSQL type for this attribute type."),
    };

    /// <summary>A cast the SQL must apply to a parameter of this type, or null.</summary>
    public static string? ParameterCast(AttributeType type) => type.Kind switch
    {
        TypeKind.CiString => "::citext",
        TypeKind.Array when type.ElementType!.Kind == TypeKind.CiString => "::citext[]",
        _ => null,
    };

    /// <summary>The Npgsql type a parameter of this attribute type is sent as.</summary>
    public static NpgsqlDbType ParameterType(AttributeType type) => type.Kind switch
    {
        TypeKind.String or TypeKind.Enum => NpgsqlDbType.Text,
        TypeKind.CiString => NpgsqlDbType.Text, // sent as text and cast in SQL: works before the extension's type is loaded
        TypeKind.Short => NpgsqlDbType.Smallint,
        TypeKind.Integer => NpgsqlDbType.Integer,
        TypeKind.Long => NpgsqlDbType.Bigint,
        TypeKind.Decimal => NpgsqlDbType.Numeric,
        TypeKind.Double => NpgsqlDbType.Double,
        TypeKind.Boolean => NpgsqlDbType.Boolean,
        TypeKind.Uuid => NpgsqlDbType.Uuid,
        TypeKind.Date => NpgsqlDbType.Date,
        TypeKind.Time => NpgsqlDbType.Time,
        TypeKind.UtcDateTime => NpgsqlDbType.TimestampTz,
        TypeKind.NaiveDateTime => NpgsqlDbType.Timestamp,
        TypeKind.Binary => NpgsqlDbType.Bytea,
        TypeKind.Map => NpgsqlDbType.Jsonb,
        TypeKind.Array => NpgsqlDbType.Array | ParameterType(type.ElementType!),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No Npgsql type for this attribute type."),
    };
}
