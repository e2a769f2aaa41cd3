namespace Ashlar.Postgres.Schema;

/// <summary>When PostgreSQL checks a foreign key.</summary>
public enum ForeignKeyDeferral
{
    /// <summary><c>NOT DEFERRABLE</c>: at the end of each statement (the default).</summary>
    NotDeferrable,

    /// <summary><c>DEFERRABLE INITIALLY IMMEDIATE</c>: at the end of each statement, unless a transaction defers it.</summary>
    InitiallyImmediate,

    /// <summary><c>DEFERRABLE INITIALLY DEFERRED</c>: at commit.</summary>
    InitiallyDeferred,
}
