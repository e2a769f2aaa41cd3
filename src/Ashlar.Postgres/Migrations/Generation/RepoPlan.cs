using Ashlar.Postgres.Snapshots;

namespace Ashlar.Postgres.Migrations.Generation;

/// <summary>What code generation will write for one repo, decided before anything of any repo is written.</summary>
/// <param name="Result">The report, as returned to the caller.</param>
/// <param name="Store">The repo's snapshots.</param>
/// <param name="Files">The files to write, with their text.</param>
/// <param name="DeclinedDrops">The tables to remember as kept, or null when that list does not change.</param>
internal sealed record RepoPlan(RepoGeneration Result, SnapshotStore Store, IReadOnlyList<(string Path, string Text)> Files, IReadOnlySet<string>? DeclinedDrops);
