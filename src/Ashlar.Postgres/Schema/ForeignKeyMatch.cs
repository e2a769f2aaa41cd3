namespace Ashlar.Postgres.Schema;

/// <summary>How a composite foreign key treats NULLs among its columns.</summary>
public enum ForeignKeyMatch
{
    /// <summary><c>MATCH SIMPLE</c>: any NULL column exempts the row (the default).</summary>
    Simple,

    /// <summary><c>MATCH FULL</c>: either every column is NULL or none is.</summary>
    Full,
}
