namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>
/// A declared column type change PostgreSQL cannot make with a cast (e.g. <c>bigint</c> to <c>timestamp with time
/// zone</c>): the migration would fail when applied, so nothing is generated. The message names the table, column, both
/// types and how to declare the conversion.
/// </summary>
public sealed class ColumnTypeChangeException : InvalidOperationException
{
    /// <summary>Creates the exception for one column.</summary>
    /// <param name="table">The qualified table name.</param>
    /// <param name="column">The column's name.</param>
    /// <param name="from">The type it has.</param>
    /// <param name="to">The type it is declared to have.</param>
    public ColumnTypeChangeException(string table, string column, string from, string to)
        : base($"codegen cannot change the type of {table}.{column} from {from} to {to}: PostgreSQL has no cast between them, so "
            + $"USING \"{column}\"::{to} would fail when applied. Declare how to convert the values in the Postgres section of the "
            + $"resource stored in {table}, e.g. pg.MigrationUsing(x => x.<Attribute>, \"<sql from {column}>\", down: \"<sql back>\"), "
            + "and remove it once the migration is generated; or add a new column, copy the data in a statement, and drop the old one.")
    {
        Table = table;
        Column = column;
        From = from;
        To = to;
    }

    /// <summary>The qualified table name.</summary>
    public string Table { get; }

    /// <summary>The column's name.</summary>
    public string Column { get; }

    /// <summary>The type the column has.</summary>
    public string From { get; }

    /// <summary>The type it is declared to have.</summary>
    public string To { get; }
}
