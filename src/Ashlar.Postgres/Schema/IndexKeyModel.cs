namespace Ashlar.Postgres.Schema;

/// <summary>One key of an index: a column or a SQL expression, ascending or descending. Immutable.</summary>
/// <param name="Column">The column name, when the key is a column.</param>
/// <param name="Sql">The SQL expression, when the key is an expression.</param>
/// <param name="Descending">True for <c>DESC</c>.</param>
public sealed record IndexKeyModel(string? Column, string? Sql, bool Descending);
