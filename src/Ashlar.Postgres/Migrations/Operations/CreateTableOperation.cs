using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Creates a table with its columns and primary key; indexes, checks and foreign keys are steps of their own.</summary>
internal sealed record CreateTableOperation(TableModel Table) : MigrationOperation
{
    public override string Description => $"create table {Table.QualifiedName}";

    public override IReadOnlyList<string> Up => [DdlWriter.CreateTable(Table)];

    public override IReadOnlyList<string> Down => [DdlWriter.DropTable(Table)];

    public override LockLevel Lock => LockLevel.None;

    internal override IEnumerable<string> Provides =>
    [
        Facts.Table(Table.Schema, Table.Name), Facts.PrimaryKey(Table.Schema, Table.Name), Facts.Columns(Table.Schema, Table.Name),
        Facts.Structure(Table.Schema, Table.Name), Facts.UniqueKey(Table.Schema, Table.Name, Table.PrimaryKey),
        .. Table.Columns.Select(c => Facts.Column(Table.Schema, Table.Name, c.Name)),
    ];

    internal override IEnumerable<string> Requires =>
        [Facts.Schema(Table.Schema), Facts.Extensions, Facts.TableNameFree(Table.Schema, Table.Name)];
}
