namespace Ashlar.Postgres.Schema;

/// <summary>One foreign-key constraint. Immutable.</summary>
public sealed record ForeignKeyModel
{
    /// <summary>The constraint's name.</summary>
    public required string Name { get; init; }

    /// <summary>The referencing columns.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The referenced table's schema.</summary>
    public required string ReferencedSchema { get; init; }

    /// <summary>The referenced table.</summary>
    public required string ReferencedTable { get; init; }

    /// <summary>The referenced columns, matching <see cref="Columns"/>.</summary>
    public required IReadOnlyList<string> ReferencedColumns { get; init; }

    /// <summary>The delete rule.</summary>
    public ForeignKeyAction OnDelete { get; init; }

    /// <summary>For <see cref="ForeignKeyAction.SetNull"/> on delete: only these columns are set to NULL (empty = all).</summary>
    public IReadOnlyList<string> NilifyColumns { get; init; } = [];

    /// <summary>The update rule.</summary>
    public ForeignKeyAction OnUpdate { get; init; }

    /// <summary>When the constraint is checked.</summary>
    public ForeignKeyDeferral Deferrable { get; init; }

    /// <summary>How NULLs in a composite key are treated.</summary>
    public ForeignKeyMatch MatchType { get; init; }
}
