namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>The table lock a migration step takes, weakest first.</summary>
public enum LockLevel
{
    /// <summary>No lock on an existing table (new objects only).</summary>
    None,

    /// <summary><c>SHARE UPDATE EXCLUSIVE</c>: reads and writes go on (concurrent index builds).</summary>
    ShareUpdateExclusive,

    /// <summary><c>SHARE</c>: reads go on, writes wait (index builds).</summary>
    Share,

    /// <summary><c>SHARE ROW EXCLUSIVE</c>: reads go on, writes wait (foreign keys).</summary>
    ShareRowExclusive,

    /// <summary><c>ACCESS EXCLUSIVE</c>: everything waits.</summary>
    AccessExclusive,

    /// <summary>Custom SQL: the lock depends on what it does.</summary>
    Unknown,
}
