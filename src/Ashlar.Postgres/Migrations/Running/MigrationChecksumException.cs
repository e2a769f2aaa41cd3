namespace Ashlar.Postgres.Migrations.Running;

/// <summary>In strict mode, applied migrations' files changed since they were applied; nothing was migrated.</summary>
public sealed class MigrationChecksumException : MigrationException
{
    /// <summary>Creates the error listing the changed files.</summary>
    public MigrationChecksumException(IReadOnlyList<MigrationFile> changed)
        : base($"These migrations changed after they were applied: {string.Join(", ", changed.Select(m => m.FileName))}. " +
            "An applied migration must not be edited: restore the file and write a new migration for the change.")
    {
        Changed = changed;
    }

    /// <summary>The changed migrations.</summary>
    public IReadOnlyList<MigrationFile> Changed { get; }
}
