namespace Ashlar.Postgres.Schema;

/// <summary>One index. Immutable.</summary>
public sealed record IndexModel
{
    /// <summary>The index's name.</summary>
    public required string Name { get; init; }

    /// <summary>The keys, in order.</summary>
    public required IReadOnlyList<IndexKeyModel> Fields { get; init; }

    /// <summary>True for a unique index.</summary>
    public bool Unique { get; init; }

    /// <summary>The partial-index predicate, or null.</summary>
    public string? Where { get; init; }

    /// <summary>The access method, or null for the default (btree).</summary>
    public string? Using { get; init; }

    /// <summary>Included (non-key) columns.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>False for <c>NULLS NOT DISTINCT</c>.</summary>
    public bool NullsDistinct { get; init; } = true;

    /// <summary>True to create and drop it concurrently.</summary>
    public bool Concurrently { get; init; }
}
