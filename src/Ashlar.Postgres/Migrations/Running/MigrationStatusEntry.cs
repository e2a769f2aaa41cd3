namespace Ashlar.Postgres.Migrations.Running;

/// <summary>One line of <see cref="MigrationRunner.StatusAsync"/>: a migration, its state and when it was applied.</summary>
/// <param name="Version">The migration's version.</param>
/// <param name="Name">The migration's name.</param>
/// <param name="State">Pending, applied, changed since applied, or applied without a file.</param>
/// <param name="AppliedAt">When the database applied it, or null when pending.</param>
/// <param name="Dev">True for a dev migration.</param>
public sealed record MigrationStatusEntry(string Version, string Name, MigrationState State, DateTimeOffset? AppliedAt, bool Dev);
