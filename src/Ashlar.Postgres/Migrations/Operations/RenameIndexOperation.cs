using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Renames an index whose definition is unchanged (e.g. after its table was renamed) instead of rebuilding it.</summary>
internal sealed record RenameIndexOperation(string Schema, string Table, string From, string To) : MigrationOperation
{
    public override string Description => $"rename index {Schema}.{From} to {To}";

    public override IReadOnlyList<string> Up => [DdlWriter.RenameIndex(Schema, From, To)];

    public override IReadOnlyList<string> Down => [DdlWriter.RenameIndex(Schema, To, From)];

    public override LockLevel Lock => LockLevel.ShareUpdateExclusive;

    internal override IEnumerable<string> Provides => [Facts.IndexNameFree(Schema, From), Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires => [Facts.Table(Schema, Table), Facts.IndexNameFree(Schema, To)];
}
