using Ashlar.Postgres.Migrations.Operations;

namespace Ashlar.Postgres.Migrations.Generation;

/// <summary>What code generation did (or, in a dry run, would do) for one repo.</summary>
public sealed record RepoGeneration
{
    /// <summary>The repo's name, which is also its folder name.</summary>
    public required string Repo { get; init; }

    /// <summary>The operations, in the order they run.</summary>
    public IReadOnlyList<MigrationOperation> Operations { get; init; } = [];

    /// <summary>The migration files, in version order; empty when nothing changed.</summary>
    public IReadOnlyList<MigrationFile> Migrations { get; init; } = [];

    /// <summary>Paths of the files written (or, in a dry run, that would be written): migrations, then snapshots.</summary>
    public IReadOnlyList<string> Written { get; init; } = [];

    /// <summary>Paths of the dev migrations and dev snapshots removed by a named run (squash).</summary>
    public IReadOnlyList<string> Deleted { get; init; } = [];

    /// <summary>
    /// Tables the snapshots hold whose resources now have migrations turned off (<c>Migrate(false)</c>): left alone,
    /// neither dropped nor changed, their snapshots kept.
    /// </summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
