namespace Ashlar.Postgres.Schema.Introspection;

/// <summary>A table being read from the catalog, filled query by query.</summary>
internal sealed class CatalogTable(uint oid, string schema, string name)
{
    public uint Oid { get; } = oid;

    public string QualifiedName => $"{schema}.{name}";

    public List<ColumnModel> Columns { get; } = [];

    public List<string> PrimaryKey { get; set; } = [];

    public List<ForeignKeyModel> ForeignKeys { get; } = [];

    public List<CheckModel> Checks { get; } = [];

    public List<IndexModel> Indexes { get; } = [];

    public TableModel ToModel() => new()
    {
        Schema = schema,
        Name = name,
        Columns = Columns,
        PrimaryKey = PrimaryKey,
        ForeignKeys = ForeignKeys.OrderBy(k => k.Name, StringComparer.Ordinal).ToList(),
        Checks = Checks.OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
        Indexes = Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToList(),
    };
}
