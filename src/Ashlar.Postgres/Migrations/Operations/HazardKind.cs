namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>The kinds of hazard a migration step can carry.</summary>
public enum HazardKind
{
    /// <summary>Rows or values are lost (dropped table or column, changed column).</summary>
    DataLoss,

    /// <summary>PostgreSQL rewrites the whole table under an exclusive lock.</summary>
    TableRewrite,

    /// <summary>PostgreSQL reads every row to validate a constraint, holding its lock meanwhile.</summary>
    FullTableValidation,

    /// <summary>The step cannot run in a transaction (<c>CONCURRENTLY</c>); a failure leaves it half done.</summary>
    NonTransactional,
}
