namespace Ashlar.Postgres.Migrations.Running;

/// <summary>What <see cref="MigrationRunner.MigrateAsync"/> did.</summary>
/// <param name="Applied">The migrations applied by this call, in order; empty when the database was up to date.</param>
/// <param name="LockWait">How long the runner waited for another deployer to release the lock.</param>
/// <param name="Changed">Applied migrations whose file changed since they were applied (warnings).</param>
public sealed record MigrateResult(IReadOnlyList<MigrationFile> Applied, TimeSpan LockWait, IReadOnlyList<MigrationFile> Changed);
