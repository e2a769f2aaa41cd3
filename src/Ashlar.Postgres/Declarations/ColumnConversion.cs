namespace Ashlar.Postgres.Declarations;

/// <summary>How a migration converts a column's values when its type changes (<c>ALTER COLUMN … TYPE … USING</c>).</summary>
/// <param name="Up">The SQL expression of the new value, over the old column.</param>
/// <param name="Down">The SQL expression converting back on rollback, or null to cast.</param>
public sealed record ColumnConversion(string Up, string? Down);
