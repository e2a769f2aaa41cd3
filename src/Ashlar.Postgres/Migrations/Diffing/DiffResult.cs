using Ashlar.Postgres.Migrations.Operations;

namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>The operations that turn one schema model into another, unordered, and what the diff decided about drops.</summary>
/// <param name="Operations">The operations, unordered.</param>
/// <param name="DeclinedDrops">Tables the prompt was told to keep.</param>
/// <param name="Drops">What the operations drop, e.g. <c>table public.tags</c> or <c>column public.posts.legacy</c>.</param>
/// <param name="DeclinedColumnDrops">Columns the prompt was told to keep, which one migration cannot do.</param>
/// <param name="Skipped">Tables of the old model left alone because their resources have migrations turned off.</param>
internal sealed record DiffResult(
    IReadOnlyList<MigrationOperation> Operations,
    IReadOnlyList<string> DeclinedDrops,
    IReadOnlyList<string> Drops,
    IReadOnlyList<string> DeclinedColumnDrops,
    IReadOnlyList<string> Skipped);
