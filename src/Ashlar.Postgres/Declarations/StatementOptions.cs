namespace Ashlar.Postgres.Declarations;

/// <summary>Custom SQL run by migrations, with its undo. Immutable.</summary>
/// <param name="Name">A stable name; changing the SQL under the same name runs the old down, then the new up.</param>
/// <param name="Up">The SQL to run.</param>
public sealed record StatementOptions(string Name, string Up)
{
    /// <summary>The SQL that undoes <see cref="Up"/>; null means the migration's down is irreversible.</summary>
    public string? Down { get; init; }

    /// <summary>True when the statement runs only in the migration that drops the resource's table.</summary>
    public bool OnDestroy { get; init; }

    /// <summary>Tables (<c>table</c> in the same schema, or <c>schema.table</c>) whose changes must run before this statement.</summary>
    public IReadOnlyList<string> AfterTables { get; init; } = [];
}
