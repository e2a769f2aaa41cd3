using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>
/// Moves a table, with its indexes and constraints, to another schema (<c>ALTER TABLE … SET SCHEMA</c>).
/// <paramref name="AfterRename"/> marks the second half of a rename and move: the name it leaves was never taken.
/// </summary>
internal sealed record MoveTableSchemaOperation(string Table, string From, string To, bool AfterRename = false) : MigrationOperation
{
    public override string Description => $"move table {From}.{Table} to schema {To}";

    public override IReadOnlyList<string> Up => [DdlWriter.SetSchema(From, Table, To)];

    public override IReadOnlyList<string> Down => [DdlWriter.SetSchema(To, Table, From)];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    internal override IEnumerable<string> Provides => AfterRename
        ? [Facts.Table(To, Table), Facts.SchemaEmptied(From)]
        : [Facts.Table(To, Table), Facts.TableNameFree(From, Table), Facts.SchemaEmptied(From)];

    internal override IEnumerable<string> Requires =>
    [
        Facts.Schema(To), Facts.Table(From, Table), Facts.TableNameFree(To, Table), Facts.IndexesGone(From, Table),
        Facts.ChecksGone(From, Table), Facts.ForeignKeysFromGone(From, Table), Facts.ForeignKeysIntoGone(From, Table),
        Facts.StatementsGone(From, Table),
    ];
}
