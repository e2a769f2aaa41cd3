namespace Ashlar.Postgres.Migrations.Running;

/// <summary>Where a migration stands against a database.</summary>
public enum MigrationState
{
    /// <summary>The file exists and the database has not applied it yet.</summary>
    Pending,

    /// <summary>Applied, and the file is unchanged since.</summary>
    Applied,

    /// <summary>Applied, but the file's up part changed since it was applied.</summary>
    Changed,

    /// <summary>Recorded as applied, but no file with that version exists any more.</summary>
    FileMissing,
}
