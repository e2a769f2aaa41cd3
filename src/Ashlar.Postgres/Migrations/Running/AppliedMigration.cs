namespace Ashlar.Postgres.Migrations.Running;

/// <summary>A row of the history table.</summary>
/// <param name="Version">The migration's version.</param>
/// <param name="Name">The migration's name when it was applied.</param>
/// <param name="AppliedAt">When it was applied.</param>
/// <param name="Checksum">The checksum of its up part when it was applied.</param>
public sealed record AppliedMigration(string Version, string Name, DateTimeOffset AppliedAt, string Checksum);
