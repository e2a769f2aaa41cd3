namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>How <see cref="SchemaDiffer"/> decides renames and compares SQL text.</summary>
internal sealed record DiffOptions
{
    /// <summary>Asks about undeclared renames and drops; null answers "no rename" and "drop".</summary>
    public IRenamePrompt? Prompt { get; init; }

    /// <summary>True to drop removed tables and columns without asking the prompt.</summary>
    public bool AllowDrops { get; init; }

    /// <summary>Qualified names of tables the user chose to keep though their resource is gone.</summary>
    public IReadOnlySet<string> DeclinedDrops { get; init; } = new HashSet<string>();

    /// <summary>Compares types and SQL expressions; exact by default, normalizing when one side is the live catalog.</summary>
    public ModelComparer Comparer { get; init; } = ModelComparer.Exact;
}
