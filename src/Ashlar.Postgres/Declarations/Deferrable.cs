namespace Ashlar.Postgres.Declarations;

/// <summary>When PostgreSQL checks a foreign key.</summary>
public enum Deferrable
{
    /// <summary>At the end of each statement; cannot be deferred (the default).</summary>
    No,

    /// <summary>At the end of each statement, unless a transaction defers it (<c>DEFERRABLE INITIALLY IMMEDIATE</c>).</summary>
    Yes,

    /// <summary>At commit (<c>DEFERRABLE INITIALLY DEFERRED</c>).</summary>
    Initially,
}
