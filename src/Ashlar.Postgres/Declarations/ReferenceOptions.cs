namespace Ashlar.Postgres.Declarations;

/// <summary>The foreign key declared for one belongs-to relationship. Immutable.</summary>
public sealed record ReferenceOptions(string Relationship)
{
    /// <summary>What happens to this row when the referenced row is deleted.</summary>
    public OnDelete OnDelete { get; init; }

    /// <summary>Columns set to NULL on delete (PostgreSQL 15+); empty means every key column.</summary>
    public IReadOnlyList<string> NilifyColumns { get; init; } = [];

    /// <summary>What happens to this row when the referenced key changes.</summary>
    public OnUpdate OnUpdate { get; init; }

    /// <summary>The constraint name; defaults to <c>&lt;table&gt;_&lt;column&gt;_fkey</c>.</summary>
    public string? Name { get; init; }

    /// <summary>When the constraint is checked.</summary>
    public Deferrable Deferrable { get; init; }

    /// <summary>True to create an index on the key column(s).</summary>
    public bool Index { get; init; }

    /// <summary>A SQL predicate making that index partial.</summary>
    public string? IndexWhere { get; init; }

    /// <summary>True to create no foreign key at all for this relationship.</summary>
    public bool Ignore { get; init; }

    /// <summary>Extra source → destination column pairs for a composite key (e.g. the tenant column).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> MatchWith { get; init; } = [];

    /// <summary>How the composite key treats NULLs.</summary>
    public ReferenceMatchType MatchType { get; init; }
}
