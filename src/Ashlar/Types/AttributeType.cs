namespace Ashlar.Types;

/// <summary>
/// The type of an attribute: its kind plus the parameters that matter for storage
/// (precision, element type, enum type). Inferred from the property's CLR type, overridable.
/// </summary>
public sealed record AttributeType
{
    private AttributeType(TypeKind kind, Type clrType)
    {
        Kind = kind;
        ClrType = clrType;
    }

    /// <summary>The family of the type.</summary>
    public TypeKind Kind { get; }

    /// <summary>The CLR type values have in records (without <see cref="Nullable{T}"/>).</summary>
    public Type ClrType { get; }

    /// <summary>Whether values are numbers (smallint, integer, bigint, decimal, double precision).</summary>
    public bool IsNumber => Kind is TypeKind.Short or TypeKind.Integer or TypeKind.Long or TypeKind.Decimal or TypeKind.Double;

    /// <summary>Total digits for <see cref="TypeKind.Decimal"/>, when declared.</summary>
    public int? Precision { get; init; }

    /// <summary>Digits after the point for <see cref="TypeKind.Decimal"/>, when declared.</summary>
    public int? Scale { get; init; }

    /// <summary>The element type of an <see cref="TypeKind.Array"/>.</summary>
    public AttributeType? ElementType { get; init; }

    /// <summary>Creates a type of the given kind for a CLR type.</summary>
    public static AttributeType Of(TypeKind kind, Type clrType) => new(kind, clrType);

    /// <summary>Infers the type from a CLR type, or returns null when there is no natural mapping.</summary>
    public static AttributeType? Infer(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type.IsEnum)
        {
            return new(TypeKind.Enum, type);
        }

        var kind = ScalarKind(type);
        if (kind is not null)
        {
            return new(kind.Value, type);
        }

        var element = TypedCollections.ElementType(type);
        if (element is not null && Infer(element) is { Kind: not TypeKind.Array and not TypeKind.Map } elementType)
        {
            return new(TypeKind.Array, type) { ElementType = elementType };
        }

        return IsJson(type) ? new(TypeKind.Map, type) : null;
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        TypeKind.Decimal when Precision is not null => $"decimal({Precision}, {Scale ?? 0})",
        TypeKind.Array => $"array of {ElementType}",
        TypeKind.Enum => $"enum {ClrType.Name}",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    private static TypeKind? ScalarKind(Type type) => type switch
    {
        _ when type == typeof(string) => TypeKind.String,
        _ when type == typeof(short) => TypeKind.Short,
        _ when type == typeof(int) => TypeKind.Integer,
        _ when type == typeof(long) => TypeKind.Long,
        _ when type == typeof(decimal) => TypeKind.Decimal,
        _ when type == typeof(double) => TypeKind.Double,
        _ when type == typeof(bool) => TypeKind.Boolean,
        _ when type == typeof(Guid) => TypeKind.Uuid,
        _ when type == typeof(DateOnly) => TypeKind.Date,
        _ when type == typeof(TimeOnly) => TypeKind.Time,
        _ when type == typeof(DateTimeOffset) => TypeKind.UtcDateTime,
        _ when type == typeof(DateTime) => TypeKind.UtcDateTime,
        _ when type == typeof(byte[]) => TypeKind.Binary,
        _ => null,
    };

    private static bool IsJson(Type type) =>
        type == typeof(System.Text.Json.JsonElement) ||
        type == typeof(System.Text.Json.JsonDocument) ||
        type == typeof(System.Text.Json.Nodes.JsonObject) ||
        type == typeof(System.Text.Json.Nodes.JsonNode) ||
        (type.IsGenericType &&
         (type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ||
          type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) ||
          type.GetGenericTypeDefinition() == typeof(IDictionary<,>)) &&
         type.GetGenericArguments()[0] == typeof(string));
}
