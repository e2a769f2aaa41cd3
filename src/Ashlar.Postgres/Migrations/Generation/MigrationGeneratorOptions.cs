using Ashlar.Postgres.Migrations.Diffing;

namespace Ashlar.Postgres.Migrations.Generation;

/// <summary>Where and how <see cref="MigrationGenerator"/> works.</summary>
public sealed record MigrationGeneratorOptions
{
    /// <summary>
    /// The migrations root: it holds <c>Snapshots/&lt;repo&gt;/…</c> and one folder of migration files per repo,
    /// <c>&lt;repo&gt;/&lt;version&gt;_&lt;name&gt;.sql</c>.
    /// </summary>
    public required string MigrationsDirectory { get; init; }

    /// <summary>The clock migration versions are taken from.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Answers rename and drop questions; null for non-interactive runs (no undeclared renames; a drop needs
    /// <see cref="AllowDrops"/>).
    /// </summary>
    public IRenamePrompt? Prompt { get; init; }

    /// <summary>
    /// True to write drops of tables and columns without asking. When false, a prompt that can ask is asked about each
    /// drop; with no one to ask, a drop stops the run with <see cref="DropsNotAllowedException"/> listing them.
    /// </summary>
    public bool AllowDrops { get; init; }
}
