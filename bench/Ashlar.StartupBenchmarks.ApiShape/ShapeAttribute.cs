namespace Ashlar.StartupBenchmarks.ApiShape;

/// <summary><c>AttributeBuilder&lt;TValue&gt;</c>'s options the generated resources use, keeping only their names.</summary>
/// <typeparam name="TValue">The attribute's type.</typeparam>
public sealed class ShapeAttribute<TValue>(List<string?> declared)
{
    /// <summary>Like <c>MinLength</c>.</summary>
    public ShapeAttribute<TValue> MinLength(int length) => Keep("min_length");

    /// <summary>Like <c>MaxLength</c>.</summary>
    public ShapeAttribute<TValue> MaxLength(int length) => Keep("max_length");

    /// <summary>Like <c>Min</c>.</summary>
    public ShapeAttribute<TValue> Min(int min) => Keep("min");

    /// <summary>Like <c>Precision</c>.</summary>
    public ShapeAttribute<TValue> Precision(int precision, int scale) => Keep("precision");

    /// <summary>Like <c>Default</c>.</summary>
    public ShapeAttribute<TValue> Default(TValue value) => Keep("default");

    private ShapeAttribute<TValue> Keep(string option)
    {
        declared.Add(option);
        return this;
    }
}
