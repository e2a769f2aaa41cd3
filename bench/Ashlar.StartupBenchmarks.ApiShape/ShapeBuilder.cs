using System.Runtime.CompilerServices;

namespace Ashlar.StartupBenchmarks.ApiShape;

/// <summary>
/// <c>ResourceBuilder&lt;T&gt;</c>'s methods as the generated resources call them, each only keeping the selector
/// text the compiler passes (so the call is not optimised away) and running the configuration lambda.
/// </summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed class ShapeBuilder<T>
    where T : class
{
    /// <summary>What was declared: the selector texts and the names of the other declarations.</summary>
    public List<string?> Declared { get; } = [];

    /// <summary>The Postgres section, once declared.</summary>
    public object? Section { get; private set; }

    /// <summary>Like <c>IntegerPrimaryKey</c>.</summary>
    public ShapeBuilder<T> IntegerPrimaryKey(Func<T, long> property, [CallerArgumentExpression(nameof(property))] string? propertyText = null) =>
        Keep(propertyText);

    /// <summary>Like <c>Attribute</c>.</summary>
    public ShapeBuilder<T> Attribute<TValue>(Func<T, TValue> property, Action<ShapeAttribute<TValue>>? configure = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null)
    {
        configure?.Invoke(new ShapeAttribute<TValue>(Declared));
        return Keep(propertyText);
    }

    /// <summary>Like <c>Timestamps</c>.</summary>
    public ShapeBuilder<T> Timestamps() => Keep("timestamps");

    /// <summary>Like <c>BelongsTo</c>.</summary>
    public ShapeBuilder<T> BelongsTo<TDestination>(Func<T, TDestination?> property, [CallerArgumentExpression(nameof(property))] string? propertyText = null)
        where TDestination : class => Keep(propertyText);

    /// <summary>Like <c>Identity</c>.</summary>
    public ShapeBuilder<T> Identity(string name, Func<T, object?> keys, [CallerArgumentExpression(nameof(keys))] string? keysText = null) =>
        Keep(keysText);

    /// <summary>Like <c>DefaultActions</c>.</summary>
    public ShapeBuilder<T> DefaultActions() => Keep("actions");

    /// <summary>Like the <c>Postgres</c> section.</summary>
    public ShapeBuilder<T> Postgres(Action<ShapePostgres<T>> configure)
    {
        var section = new ShapePostgres<T>(Declared);
        configure(section);
        Section = section;
        return this;
    }

    private ShapeBuilder<T> Keep(string? text)
    {
        Declared.Add(text);
        return this;
    }
}
