using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Renames a foreign key whose definition is unchanged (e.g. after its table was renamed) instead of revalidating it.</summary>
internal sealed record RenameForeignKeyOperation(string Schema, string Table, string From, string To) : MigrationOperation
{
    public override string Description => $"rename foreign key {From} on {Schema}.{Table} to {To}";

    public override IReadOnlyList<string> Up => [DdlWriter.RenameConstraint(Schema, Table, From, To)];

    public override IReadOnlyList<string> Down => [DdlWriter.RenameConstraint(Schema, Table, To, From)];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    internal override IEnumerable<string> Provides =>
        [Facts.ForeignKeyNameFree(Schema, Table, From), Facts.ForeignKey(Schema, Table, To), Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires => [Facts.Table(Schema, Table), Facts.ForeignKeyNameFree(Schema, Table, To)];
}
