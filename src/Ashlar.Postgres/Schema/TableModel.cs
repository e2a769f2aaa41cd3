namespace Ashlar.Postgres.Schema;

/// <summary>One table and everything on it. Immutable.</summary>
public sealed record TableModel
{
    /// <summary>The schema the table is in.</summary>
    public required string Schema { get; init; }

    /// <summary>The table's name.</summary>
    public required string Name { get; init; }

    /// <summary>Columns in declaration order.</summary>
    public IReadOnlyList<ColumnModel> Columns { get; init; } = [];

    /// <summary>The primary-key column names, in order.</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    /// <summary>Foreign keys from this table.</summary>
    public IReadOnlyList<ForeignKeyModel> ForeignKeys { get; init; } = [];

    /// <summary>Indexes (identities, custom, reference indexes).</summary>
    public IReadOnlyList<IndexModel> Indexes { get; init; } = [];

    /// <summary>Check constraints.</summary>
    public IReadOnlyList<CheckModel> Checks { get; init; } = [];

    /// <summary>Custom statements, in declaration order.</summary>
    public IReadOnlyList<StatementModel> Statements { get; init; } = [];

    /// <summary>Earlier names of the table, for rename detection.</summary>
    public IReadOnlyList<string> RenamedFrom { get; init; } = [];

    /// <summary>The column with this name, or null.</summary>
    public ColumnModel? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>The table's qualified name, e.g. <c>helpdesk.tickets</c>.</summary>
    public string QualifiedName => $"{Schema}.{Name}";
}
