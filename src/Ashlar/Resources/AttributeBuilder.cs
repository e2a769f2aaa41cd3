using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>Declares the options of one attribute.</summary>
/// <typeparam name="TValue">The property's CLR type.</typeparam>
public sealed class AttributeBuilder<TValue>
{
    internal AttributeBuilder(AttributeDefinition initial)
    {
        Definition = initial;
    }

    internal AttributeDefinition Definition { get; private set; }

    /// <summary>Whether nil is allowed. Inferred from the property's nullability when not declared.</summary>
    public AttributeBuilder<TValue> AllowNil(bool allow = true) => With(Definition with { AllowNil = allow });

    /// <summary>Makes the attribute part of the primary key (and not nil).</summary>
    public AttributeBuilder<TValue> PrimaryKey() => With(Definition with { PrimaryKey = true, AllowNil = false });

    /// <summary>Shows the attribute to untrusted input (filters, sorts, API payloads). The default.</summary>
    public AttributeBuilder<TValue> Public() => With(Definition with { Public = true });

    /// <summary>Hides the attribute from untrusted input and from default accept lists.</summary>
    public AttributeBuilder<TValue> Private() => With(Definition with { Public = false });

    /// <summary>Whether actions may accept the attribute as input.</summary>
    public AttributeBuilder<TValue> Writable(bool writable = true) => With(Definition with { Writable = writable });

    /// <summary>The value a create uses when the input has none.</summary>
    public AttributeBuilder<TValue> Default(TValue value) =>
        With(Definition with { Default = DefaultValue.Literal(value!) });

    /// <summary>A value generated for each create when the input has none.</summary>
    public AttributeBuilder<TValue> Default(DefaultValue value) => With(Definition with { Default = value });

    /// <summary>A value generated on every update, e.g. <see cref="DefaultValue.Now"/>.</summary>
    public AttributeBuilder<TValue> UpdateDefault(DefaultValue value) => With(Definition with { UpdateDefault = value });

    /// <summary>Makes the column one PostgreSQL computes (<c>GENERATED ALWAYS AS (sql) STORED</c>); it becomes read-only.</summary>
    public AttributeBuilder<TValue> Generated(string sql) =>
        With(Definition with { GeneratedSql = sql, Writable = false });

    /// <summary>Longest accepted string.</summary>
    public AttributeBuilder<TValue> MaxLength(int length) => With(Definition with { MaxLength = length });

    /// <summary>Shortest accepted string.</summary>
    public AttributeBuilder<TValue> MinLength(int length) => With(Definition with { MinLength = length });

    /// <summary>Smallest accepted number.</summary>
    public AttributeBuilder<TValue> Min(decimal min) => With(Definition with { Min = min });

    /// <summary>Largest accepted number.</summary>
    public AttributeBuilder<TValue> Max(decimal max) => With(Definition with { Max = max });

    /// <summary>Compares the string without regard to case (stored as PostgreSQL <c>citext</c>).</summary>
    public AttributeBuilder<TValue> CaseInsensitive() =>
        With(Definition with { Type = AttributeType.Of(TypeKind.CiString, typeof(string)) });

    /// <summary>Fixes the precision and scale of a decimal.</summary>
    public AttributeBuilder<TValue> Precision(int precision, int scale = 0) =>
        With(Definition with { Type = Definition.Type with { Precision = precision, Scale = scale } });

    /// <summary>Stores a <see cref="DateTime"/> without a time zone (PostgreSQL <c>timestamp</c>).</summary>
    public AttributeBuilder<TValue> Naive() =>
        With(Definition with { Type = AttributeType.Of(TypeKind.NaiveDateTime, typeof(DateTime)) });

    /// <summary>Records an earlier name, so the migration generator renames the column instead of replacing it.</summary>
    public AttributeBuilder<TValue> RenamedFrom(string oldName) =>
        With(Definition with { RenamedFrom = [.. Definition.RenamedFrom, oldName] });

    private AttributeBuilder<TValue> With(AttributeDefinition definition)
    {
        Definition = definition;
        return this;
    }
}
