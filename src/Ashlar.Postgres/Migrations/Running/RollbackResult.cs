namespace Ashlar.Postgres.Migrations.Running;

/// <summary>What <see cref="MigrationRunner.RollbackAsync"/> did.</summary>
/// <param name="RolledBack">The migrations rolled back by this call, newest first.</param>
/// <param name="LockWait">How long the runner waited for another deployer to release the lock.</param>
public sealed record RollbackResult(IReadOnlyList<MigrationFile> RolledBack, TimeSpan LockWait);
