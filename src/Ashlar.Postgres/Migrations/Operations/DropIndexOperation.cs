using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Drops an index (<c>CONCURRENTLY</c> when it was declared so); down recreates it.</summary>
internal sealed record DropIndexOperation(string Schema, string Table, IndexModel Index, bool Concurrently) : MigrationOperation
{
    public override string Description => $"drop index {Index.Name} on {Schema}.{Table}";

    public override IReadOnlyList<string> Up => [DdlWriter.DropIndex(DdlWriter.Ref(Schema, Table), Index, Concurrently)];

    public override IReadOnlyList<string> Down => [DdlWriter.CreateIndex(DdlWriter.Ref(Schema, Table), Index, Concurrently)];

    public override LockLevel Lock => Concurrently ? LockLevel.ShareUpdateExclusive : LockLevel.AccessExclusive;

    public override IReadOnlyList<OperationHazard> Hazards => Concurrently
        ? [new(HazardKind.NonTransactional, $"DROP INDEX CONCURRENTLY {Index.Name}")]
        : [];

    internal override IEnumerable<string> Provides => [Facts.IndexesGone(Schema, Table), Facts.IndexNameFree(Schema, Index.Name)];

    internal override IEnumerable<string> Requires => Index.Unique
        ? Index.Fields.Select(f => f.Column).OfType<string>().Select(c => Facts.ForeignKeysOnColumnGone(Schema, Table, c))
        : [];
}
