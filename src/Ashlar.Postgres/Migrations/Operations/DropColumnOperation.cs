using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Drops a column; down adds it back, empty.</summary>
internal sealed record DropColumnOperation(string Schema, string Table, ColumnModel Column) : MigrationOperation
{
    public override string Description => $"drop column {Schema}.{Table}.{Column.Name}";

    public override IReadOnlyList<string> Up => [DdlWriter.DropColumn(Schema, Table, Column.Name)];

    public override IReadOnlyList<string> Down => [DdlWriter.AddColumn(Schema, Table, Column)];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    public override IReadOnlyList<OperationHazard> Hazards =>
        [new(HazardKind.DataLoss, $"drops column {Schema}.{Table}.{Column.Name} and its values; down adds it back empty")];

    internal override IEnumerable<string> Provides =>
        [Facts.ColumnNameFree(Schema, Table, Column.Name), Facts.Columns(Schema, Table), Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires =>
    [
        Facts.Table(Schema, Table), Facts.IndexesGone(Schema, Table), Facts.ChecksGone(Schema, Table),
        Facts.ForeignKeysOnColumnGone(Schema, Table, Column.Name), Facts.StatementsGone(Schema, Table),
        Facts.PrimaryKeyChanged(Schema, Table),
    ];
}
