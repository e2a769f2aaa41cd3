namespace Ashlar.Postgres.Migrations.Running;

/// <summary>How a <see cref="MigrationRunner"/> records history, waits for the lock and treats changed files.</summary>
public sealed record MigrationRunnerOptions
{
    /// <summary>The schema of the history table; <c>public</c> by default.</summary>
    public string HistorySchema { get; init; } = "public";

    /// <summary>The history table's name; <c>ashlar_schema_migrations</c> by default.</summary>
    public string HistoryTable { get; init; } = "ashlar_schema_migrations";

    /// <summary>
    /// How long to wait for another deployer to release the migration lock before failing with
    /// <see cref="MigrationLockTimeoutException"/>; 15 minutes by default.
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often a waiting runner tries the lock again; one second by default.</summary>
    public TimeSpan LockPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When true, an applied migration whose file changed since it was applied stops <c>migrate</c> with
    /// <see cref="MigrationChecksumException"/>; when false (the default) it is logged and reported as a warning.
    /// </summary>
    public bool StrictChecksums { get; init; }

    /// <summary>The <c>application_name</c> of the runner's session, shown to a deployer who waits for the lock.</summary>
    public string ApplicationName { get; init; } = "ashlar-migrator";
}
