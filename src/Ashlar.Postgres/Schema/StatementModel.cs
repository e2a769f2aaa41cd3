namespace Ashlar.Postgres.Schema;

/// <summary>One custom statement. Immutable.</summary>
/// <param name="Name">The stable name.</param>
/// <param name="Up">The SQL to run.</param>
/// <param name="Down">The undo, or null when irreversible.</param>
/// <param name="OnDestroy">True when it runs only when the table is dropped.</param>
public sealed record StatementModel(string Name, string Up, string? Down, bool OnDestroy)
{
    /// <summary>Other tables (<c>table</c> in the same schema, or <c>schema.table</c>) whose changes run before it.</summary>
    public IReadOnlyList<string> AfterTables { get; init; } = [];
}
