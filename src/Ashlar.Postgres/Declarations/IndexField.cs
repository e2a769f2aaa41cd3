namespace Ashlar.Postgres.Declarations;

/// <summary>One key of an index: a column or a SQL expression, ascending or descending.</summary>
/// <param name="Column">The column name, when the key is a column.</param>
/// <param name="Sql">The SQL expression, when the key is an expression.</param>
/// <param name="Descending">True for <c>DESC</c>.</param>
public sealed record IndexField(string? Column, string? Sql, bool Descending)
{
    // Here, not in the generic PostgresBuilder<T>: a lambda there is a class loaded for every resource class.

    /// <summary>Column keys; a leading <c>-</c> makes the key descending.</summary>
    internal static List<IndexField> FromColumns(IReadOnlyList<string> columns)
    {
        var fields = new List<IndexField>(columns.Count);
        foreach (var column in columns)
        {
            fields.Add(column.StartsWith('-') ? new IndexField(column[1..], null, true) : new IndexField(column, null, false));
        }

        return fields;
    }

    /// <summary>Ascending keys on SQL expressions.</summary>
    internal static List<IndexField> FromExpressions(IReadOnlyList<string> expressions)
    {
        var fields = new List<IndexField>(expressions.Count);
        foreach (var expression in expressions)
        {
            fields.Add(new IndexField(null, expression, false));
        }

        return fields;
    }
}
