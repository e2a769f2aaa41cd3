namespace Ashlar.Resources;

/// <summary>A set of attributes whose values are unique among the resource's records. Immutable.</summary>
public sealed record IdentityDefinition
{
    /// <summary>The identity's name, e.g. <c>unique_email</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The attribute names, in order.</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>A SQL predicate over the resource's columns; only rows matching it must be unique.</summary>
    public string? WhereSql { get; init; }

    /// <summary>When false, two nils count as equal (PostgreSQL 15+ <c>NULLS NOT DISTINCT</c>).</summary>
    public bool NilsDistinct { get; init; } = true;

    /// <summary>The message a caller sees when a write breaks this identity.</summary>
    public string? Message { get; init; }
}
