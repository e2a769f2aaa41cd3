using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Adds a foreign key; it runs after both tables, the key columns and the referenced unique key exist.</summary>
internal sealed record AddForeignKeyOperation(string Schema, string Table, ForeignKeyModel Key, bool NewTable) : MigrationOperation
{
    public override string Description => $"add foreign key {Key.Name} on {Schema}.{Table} to {Key.ReferencedSchema}.{Key.ReferencedTable}";

    public override IReadOnlyList<string> Up => [DdlWriter.AddForeignKey(DdlWriter.Ref(Schema, Table), Key)];

    public override IReadOnlyList<string> Down => [DdlWriter.DropConstraint(DdlWriter.Ref(Schema, Table), Key.Name)];

    public override LockLevel Lock => NewTable ? LockLevel.None : LockLevel.ShareRowExclusive;

    public override IReadOnlyList<OperationHazard> Hazards => NewTable
        ? []
        : [new(HazardKind.FullTableValidation, $"{Key.Name} checks every row of {Schema}.{Table} against {Key.ReferencedSchema}.{Key.ReferencedTable}")];

    internal override IEnumerable<string> Provides => [Facts.ForeignKey(Schema, Table, Key.Name), Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires =>
    [
        Facts.Table(Schema, Table), Facts.Table(Key.ReferencedSchema, Key.ReferencedTable),
        Facts.PrimaryKey(Key.ReferencedSchema, Key.ReferencedTable),
        Facts.UniqueKey(Key.ReferencedSchema, Key.ReferencedTable, Key.ReferencedColumns),
        Facts.ForeignKeyNameFree(Schema, Table, Key.Name),
        .. Key.Columns.Select(c => Facts.Column(Schema, Table, c)),
        .. Key.ReferencedColumns.Select(c => Facts.Column(Key.ReferencedSchema, Key.ReferencedTable, c)),
    ];
}
