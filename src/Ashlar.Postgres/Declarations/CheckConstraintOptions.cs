namespace Ashlar.Postgres.Declarations;

/// <summary>A check constraint on the resource's table. Immutable.</summary>
/// <param name="Key">The declaration's identifier.</param>
/// <param name="Check">The SQL boolean expression every row must satisfy.</param>
public sealed record CheckConstraintOptions(string Key, string Check)
{
    /// <summary>The constraint's name in the database; defaults to <see cref="Key"/>.</summary>
    public string? Name { get; init; }

    /// <summary>What a caller sees when a write breaks the constraint.</summary>
    public string? Message { get; init; }

    /// <summary>The attributes the error is reported on.</summary>
    public IReadOnlyList<string> Attributes { get; init; } = [];

    /// <summary>The name used in the database.</summary>
    public string ConstraintName => Name ?? Key;
}
