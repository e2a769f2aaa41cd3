namespace Ashlar.Postgres.Declarations;

/// <summary>A custom index on the resource's table. Immutable.</summary>
public sealed record IndexOptions(IReadOnlyList<IndexField> Fields)
{
    /// <summary>The index name; defaults to <c>&lt;table&gt;_&lt;columns&gt;_index</c>.</summary>
    public string? Name { get; init; }

    /// <summary>True for a unique index.</summary>
    public bool Unique { get; init; }

    /// <summary>A SQL predicate making the index partial.</summary>
    public string? Where { get; init; }

    /// <summary>The access method (<c>btree</c>, <c>gin</c>, <c>gist</c>, <c>brin</c>, <c>hash</c>…).</summary>
    public string? Using { get; init; }

    /// <summary>Non-key columns stored in the index (covering index).</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>True to build it with <c>CREATE INDEX CONCURRENTLY</c> (the migration runs outside a transaction).</summary>
    public bool Concurrently { get; init; }

    /// <summary>False for <c>NULLS NOT DISTINCT</c> (PostgreSQL 15+).</summary>
    public bool NullsDistinct { get; init; } = true;

    /// <summary>For unique indexes: what a caller sees when a write breaks it.</summary>
    public string? Message { get; init; }

    /// <summary>For unique indexes: the attribute the error is reported on.</summary>
    public string? ErrorField { get; init; }
}
