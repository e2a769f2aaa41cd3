namespace Ashlar.Postgres.Declarations;

/// <summary>How a composite foreign key treats NULLs among its columns.</summary>
public enum ReferenceMatchType
{
    /// <summary>Any NULL column exempts the row (the default).</summary>
    Simple,

    /// <summary>Either every column is NULL or none is.</summary>
    Full,
}
