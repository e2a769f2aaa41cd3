namespace Ashlar.Postgres.Diagnostics;

/// <summary>
/// The event ids of the log messages the Postgres data layer (category <c>Ashlar.Postgres</c>) and the migration
/// runner write, stable across versions, for filtering logs. The core's are in
/// <see cref="Ashlar.Diagnostics.AshlarEventId"/>.
/// </summary>
public static class PostgresEventId
{
    /// <summary>Trace: a statement is about to be sent (its SQL, before it runs).</summary>
    public const int CommandExecuting = 2000;

    /// <summary>Information: the database refused a write (SQLSTATE and constraint); the caller gets a typed error.</summary>
    public const int CommandRefused = 2001;

    /// <summary>Information: the tables of a repo were created from the declarations.</summary>
    public const int SchemaCreated = 2002;

    /// <summary>Debug: a statement ran, with its duration, its parameters (values only when enabled) and its SQL.</summary>
    public const int CommandExecuted = 2003;

    /// <summary>Debug: a statement failed, with its duration, parameters and SQL (the error follows as a typed exception).</summary>
    public const int CommandFailed = 2004;

    /// <summary>Debug: a bulk create's binary COPY ran, with its duration, the rows it wrote and its SQL.</summary>
    public const int CopyExecuted = 2005;

    /// <summary>Debug: a bulk create's binary COPY failed, with its duration and SQL (the error follows as a typed exception).</summary>
    public const int CopyFailed = 2006;

    /// <summary>Information: waiting for the migration lock another process holds.</summary>
    public const int MigrationLockWaiting = 2100;

    /// <summary>Debug: the migration lock was taken.</summary>
    public const int MigrationLockTaken = 2101;

    /// <summary>Debug: a migration starts.</summary>
    public const int MigrationApplying = 2102;

    /// <summary>Information: a migration was applied, with its duration.</summary>
    public const int MigrationApplied = 2103;

    /// <summary>Information: a migration was rolled back, with its duration.</summary>
    public const int MigrationRolledBack = 2104;

    /// <summary>Warning: an applied migration's file changed since.</summary>
    public const int MigrationChanged = 2105;

    /// <summary>Warning: a migration runs outside a transaction.</summary>
    public const int MigrationOutsideTransaction = 2106;

    /// <summary>Error: a migration failed.</summary>
    public const int MigrationFailed = 2107;

    /// <summary>Warning: the migration lock could not be released.</summary>
    public const int MigrationLockNotReleased = 2108;

    /// <summary>Warning: a migration older than the newest applied one is applied.</summary>
    public const int MigrationOutOfOrder = 2109;

    /// <summary>Warning: an invalid index left by a failed concurrent build is dropped to be built again.</summary>
    public const int InvalidIndexDropped = 2110;

    /// <summary>Debug: which repo (primary or read repo) served a read, and why.</summary>
    public const int ReadServed = 2200;

    /// <summary>Warning: a read repo cannot be reached and is skipped for a while.</summary>
    public const int ReadRepoDown = 2201;
}
