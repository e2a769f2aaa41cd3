namespace Ashlar.Postgres.Migrations.Running;

/// <summary>
/// A statement of a migration failed. The message names the file, the part (up or down), the statement's index and
/// first line, and what the database is left with; the <c>PostgresException</c> is the inner exception.
/// </summary>
public sealed class MigrationStatementException : MigrationException
{
    /// <summary>Creates the error.</summary>
    public MigrationStatementException(MigrationFile migration, string part, int statementIndex, string statement, string outcome, Exception innerException)
        : base(Describe(migration, part, statementIndex, statement, outcome, innerException), innerException)
    {
        Migration = migration;
        Part = part;
        StatementIndex = statementIndex;
        Statement = statement;
    }

    /// <summary>The migration that failed.</summary>
    public MigrationFile Migration { get; }

    /// <summary><c>up</c> or <c>down</c>.</summary>
    public string Part { get; }

    /// <summary>The failing statement's position in its part, from 1; one past the last for the history-table write.</summary>
    public int StatementIndex { get; }

    /// <summary>The failing statement's text.</summary>
    public string Statement { get; }

    private static string Describe(MigrationFile migration, string part, int index, string statement, string outcome, Exception inner)
    {
        var firstLine = statement.Split('\n', 2)[0].Trim();
        return $"Migration {migration.FileName} failed at {part} statement {index} ({firstLine}): {inner.Message}. {outcome}";
    }
}
