using Ashlar.Postgres.Migrations.Operations;

namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>The operations that turn one schema model into another, unordered, and the drops the user declined.</summary>
internal sealed record DiffResult(IReadOnlyList<MigrationOperation> Operations, IReadOnlyList<string> DeclinedDrops);
