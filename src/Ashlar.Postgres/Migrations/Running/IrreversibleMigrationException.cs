namespace Ashlar.Postgres.Migrations.Running;

/// <summary>A rollback reached a migration whose down part cannot undo its up part; nothing was rolled back.</summary>
public sealed class IrreversibleMigrationException : MigrationException
{
    /// <summary>Creates the error for <paramref name="migration"/>.</summary>
    public IrreversibleMigrationException(MigrationFile migration)
        : base($"Cannot roll back {migration.FileName}: it is irreversible ({migration.IrreversibleReason ?? "its file has no down part"}). " +
            "Nothing was rolled back. Restore from a backup, or write a new forward migration that undoes it.")
    {
        Migration = migration;
    }

    /// <summary>The irreversible migration.</summary>
    public MigrationFile Migration { get; }
}
