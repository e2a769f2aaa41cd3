namespace Ashlar.Postgres.Migrations;

/// <summary>
/// One migration as stored on disk: a plain SQL file with a header, an up part and a down part.
/// The generator writes these; the runner reads them. <see cref="ToText"/> gives the text form.
/// </summary>
public sealed record MigrationFile
{
    /// <summary>The version: a UTC timestamp <c>yyyyMMddHHmmss</c>, unique per repo and ordered.</summary>
    public required string Version { get; init; }

    /// <summary>The migration's name in snake_case, e.g. <c>add_tickets</c>; dev migrations start with <c>dev_</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Statements of the up part, in order.</summary>
    public IReadOnlyList<string> Up { get; init; } = [];

    /// <summary>Statements of the down part, in order; empty with <see cref="IrreversibleReason"/> set means it cannot be undone.</summary>
    public IReadOnlyList<string> Down { get; init; } = [];

    /// <summary>Why the down part cannot undo the up part, or null when it can.</summary>
    public string? IrreversibleReason { get; init; }

    /// <summary>False when the migration must run outside a transaction (e.g. <c>CREATE INDEX CONCURRENTLY</c>).</summary>
    public bool Transactional { get; init; } = true;

    /// <summary>True for a dev migration (<c>codegen --dev</c>), squashed away by the next named codegen.</summary>
    public bool Dev { get; init; }

    /// <summary>Review warnings (data loss, table rewrite, full validation…), one per line in the header.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The file name: <c>&lt;version&gt;_&lt;name&gt;.sql</c>.</summary>
    public string FileName => $"{Version}_{Name}.sql";

    /// <summary>The file's text: the header, then the up and down parts, as the generator writes it.</summary>
    public string ToText() => MigrationFileFormat.Write(this);
}
