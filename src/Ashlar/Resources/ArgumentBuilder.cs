using Ashlar.Actions;

namespace Ashlar.Resources;

/// <summary>Declares the options of one action argument: the same constraints an attribute takes.</summary>
/// <typeparam name="TValue">The argument's CLR type.</typeparam>
public sealed class ArgumentBuilder<TValue>
{
    internal ArgumentBuilder(ArgumentDefinition initial)
    {
        Definition = initial;
    }

    internal ArgumentDefinition Definition { get; private set; }

    /// <summary>The input must give a value that is not nil.</summary>
    public ArgumentBuilder<TValue> Required() => With(Definition with { AllowNil = false });

    /// <summary>Whether nil (or no value) is allowed; by default it follows the type's nullability.</summary>
    public ArgumentBuilder<TValue> AllowNil(bool allow = true) => With(Definition with { AllowNil = allow });

    /// <summary>The value used when the input gives none.</summary>
    public ArgumentBuilder<TValue> Default(TValue value) => With(Definition with { Default = value });

    /// <summary>Longest accepted string.</summary>
    public ArgumentBuilder<TValue> MaxLength(int length) => With(Definition with { MaxLength = length });

    /// <summary>Shortest accepted string.</summary>
    public ArgumentBuilder<TValue> MinLength(int length) => With(Definition with { MinLength = length });

    /// <summary>Smallest accepted number.</summary>
    public ArgumentBuilder<TValue> Min(decimal min) => With(Definition with { Min = min });

    /// <summary>Largest accepted number.</summary>
    public ArgumentBuilder<TValue> Max(decimal max) => With(Definition with { Max = max });

    /// <summary>Accepts only these values.</summary>
    public ArgumentBuilder<TValue> OneOf(params TValue[] values) =>
        With(Definition with { OneOf = values.Where(v => v is not null).Select(v => (object)v!).ToList() });

    private ArgumentBuilder<TValue> With(ArgumentDefinition definition)
    {
        Definition = definition;
        return this;
    }
}
