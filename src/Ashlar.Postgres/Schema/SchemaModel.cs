namespace Ashlar.Postgres.Schema;

/// <summary>
/// What a PostgreSQL database holds, independent of resources: schemas, extensions, tables and what is on them.
/// Produced from the resource model, from snapshots, or from the live catalog; the differ compares two of them.
/// </summary>
public sealed record SchemaModel
{
    /// <summary>Schemas to create (other than <c>public</c>).</summary>
    public IReadOnlyList<string> Schemas { get; init; } = [];

    /// <summary>Extensions to install.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Ashlar's helper functions that column defaults call, schema-qualified (<c>helpdesk.ashlar_uuid_v7</c>).</summary>
    public IReadOnlyList<string> Functions { get; init; } = [];

    /// <summary>Tables, sorted by schema and name.</summary>
    public IReadOnlyList<TableModel> Tables { get; init; } = [];

    /// <summary>
    /// Qualified names of tables whose resources have migrations turned off (<c>Migrate(false)</c>): managed elsewhere,
    /// so migrations never drop or change them and their snapshots are kept.
    /// </summary>
    public IReadOnlyList<string> Unmanaged { get; init; } = [];

    /// <summary>The table with this schema and name, or null.</summary>
    public TableModel? Table(string schema, string name) =>
        Tables.FirstOrDefault(t => t.Schema == schema && t.Name == name);
}
