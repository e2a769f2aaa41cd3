using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>A table in the old model matched with the same table in the new one (same name, renamed or moved).</summary>
internal sealed class TablePair(TableModel old, TableModel @new)
{
    public TableModel Old { get; } = old;

    public TableModel New { get; } = @new;

    /// <summary>Old column → new column, for columns present in both (renamed or not).</summary>
    public List<(ColumnModel Old, ColumnModel New)> Columns { get; } = [];

    public List<ColumnModel> Removed { get; } = [];

    public List<ColumnModel> Added { get; } = [];

    public string Column(string oldName) => Columns.FirstOrDefault(c => c.Old.Name == oldName).New?.Name ?? oldName;
}
