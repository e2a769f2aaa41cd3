using Ashlar.Types;

namespace Ashlar.Actions;

/// <summary>
/// An input of an action that is not an attribute: typed, constrained like an attribute, read by the action's changes,
/// validations and hooks, and never stored unless a change stores it. Immutable.
/// </summary>
public sealed record ArgumentDefinition
{
    /// <summary>The snake_case name used in input and errors.</summary>
    public required string Name { get; init; }

    /// <summary>The CLR type the value is cast to.</summary>
    public required Type ClrType { get; init; }

    /// <summary>The attribute type the value is cast as, or null for a type cast from JSON as a whole (lists of maps).</summary>
    public AttributeType? Type { get; init; }

    /// <summary>True when the input may leave the argument out or give nil.</summary>
    public bool AllowNil { get; init; } = true;

    /// <summary>The value used when the input has none.</summary>
    public object? Default { get; init; }

    /// <summary>Largest accepted string length.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Smallest accepted string length.</summary>
    public int? MinLength { get; init; }

    /// <summary>Smallest accepted number.</summary>
    public decimal? Min { get; init; }

    /// <summary>Largest accepted number.</summary>
    public decimal? Max { get; init; }

    /// <summary>The only values accepted, or null for any.</summary>
    public IReadOnlyList<object>? OneOf { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Type?.ToString() ?? ClrType.Name})";
}
