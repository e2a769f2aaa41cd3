namespace Ashlar.Types;

/// <summary>The families of values an attribute can hold. The data layer maps each to a storage type.</summary>
public enum TypeKind
{
    /// <summary>Text.</summary>
    String,

    /// <summary>Text compared without regard to case (PostgreSQL <c>citext</c>).</summary>
    CiString,

    /// <summary>A 16-bit integer.</summary>
    Short,

    /// <summary>A 32-bit integer.</summary>
    Integer,

    /// <summary>A 64-bit integer.</summary>
    Long,

    /// <summary>An exact decimal, optionally with precision and scale.</summary>
    Decimal,

    /// <summary>A double-precision floating-point number.</summary>
    Double,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A UUID.</summary>
    Uuid,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>A time of day.</summary>
    Time,

    /// <summary>An instant, stored in UTC (PostgreSQL <c>timestamptz</c>).</summary>
    UtcDateTime,

    /// <summary>A date and time with no time zone (PostgreSQL <c>timestamp</c>).</summary>
    NaiveDateTime,

    /// <summary>Raw bytes.</summary>
    Binary,

    /// <summary>A .NET enum, stored as the snake_case name of its value.</summary>
    Enum,

    /// <summary>A JSON object or value (PostgreSQL <c>jsonb</c>).</summary>
    Map,

    /// <summary>An array of another type.</summary>
    Array,
}
