using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>
/// Drops a table. Its foreign keys and statements are steps of their own that run first; down recreates the table
/// with its checks and indexes, empty.
/// </summary>
internal sealed record DropTableOperation(TableModel Table) : MigrationOperation
{
    public override string Description => $"drop table {Table.QualifiedName}";

    public override IReadOnlyList<string> Up => [DdlWriter.DropTable(Table)];

    public override IReadOnlyList<string> Down =>
    [
        DdlWriter.CreateTable(Table),
        .. Table.Checks.Select(c => DdlWriter.AddCheck(Table, c)),
        .. Table.Indexes.Select(i => DdlWriter.CreateIndex(Table, i, allowConcurrently: false)),
    ];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    public override IReadOnlyList<OperationHazard> Hazards =>
        [new(HazardKind.DataLoss, $"drops table {Table.QualifiedName} and every row in it; down recreates it empty")];

    internal override IEnumerable<string> Provides =>
    [
        Facts.TableGone(Table.Schema, Table.Name), Facts.TableNameFree(Table.Schema, Table.Name), Facts.SchemaEmptied(Table.Schema),
        Facts.IndexesGone(Table.Schema, Table.Name), .. Table.Indexes.Select(i => Facts.IndexNameFree(Table.Schema, i.Name)),
    ];

    internal override IEnumerable<string> Requires =>
    [
        Facts.ForeignKeysIntoGone(Table.Schema, Table.Name), Facts.ForeignKeysFromGone(Table.Schema, Table.Name),
        Facts.StatementsGone(Table.Schema, Table.Name),
    ];
}
