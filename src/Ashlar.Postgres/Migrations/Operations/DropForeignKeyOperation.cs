using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Drops a foreign key; it runs before the tables, columns and keys it touches change.</summary>
internal sealed record DropForeignKeyOperation(string Schema, string Table, ForeignKeyModel Key) : MigrationOperation
{
    public override string Description => $"drop foreign key {Key.Name} on {Schema}.{Table}";

    public override IReadOnlyList<string> Up => [DdlWriter.DropConstraint(DdlWriter.Ref(Schema, Table), Key.Name)];

    public override IReadOnlyList<string> Down => [DdlWriter.AddForeignKey(DdlWriter.Ref(Schema, Table), Key)];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    internal override IEnumerable<string> Provides =>
    [
        Facts.ForeignKeyNameFree(Schema, Table, Key.Name), Facts.ForeignKeysFromGone(Schema, Table),
        Facts.ForeignKeysIntoGone(Key.ReferencedSchema, Key.ReferencedTable),
        .. Key.Columns.Select(c => Facts.ForeignKeysOnColumnGone(Schema, Table, c)),
        .. Key.ReferencedColumns.Select(c => Facts.ForeignKeysOnColumnGone(Key.ReferencedSchema, Key.ReferencedTable, c)),
    ];

    internal override IEnumerable<string> Requires => [];
}
