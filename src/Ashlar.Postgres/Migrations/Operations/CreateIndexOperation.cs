using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Creates an index; <c>CONCURRENTLY</c> (outside a transaction) when declared so and the table already exists.</summary>
internal sealed record CreateIndexOperation(string Schema, string Table, IndexModel Index, bool Concurrently) : MigrationOperation
{
    public override string Description => $"create {(Index.Unique ? "unique " : "")}index {Index.Name} on {Schema}.{Table}";

    public override IReadOnlyList<string> Up => [DdlWriter.CreateIndex(DdlWriter.Ref(Schema, Table), Index, Concurrently)];

    public override IReadOnlyList<string> Down => [DdlWriter.DropIndex(DdlWriter.Ref(Schema, Table), Index, Concurrently)];

    public override LockLevel Lock => Concurrently ? LockLevel.ShareUpdateExclusive : LockLevel.Share;

    public override IReadOnlyList<OperationHazard> Hazards => Concurrently
        ? [new(HazardKind.NonTransactional, $"CREATE INDEX CONCURRENTLY {Index.Name}: a failure leaves an invalid index to drop by hand")]
        : [];

    internal override IEnumerable<string> Provides
    {
        get
        {
            // A concurrent build is left out of the table's structure, so statements need not wait for a separate file.
            var facts = Concurrently ? new List<string>() : [Facts.Structure(Schema, Table)];
            if (Index.Unique && Index.Where is null && Index.Fields.All(f => f.Column is not null))
            {
                facts.Add(Facts.UniqueKey(Schema, Table, Index.Fields.Select(f => f.Column!)));
            }

            return facts;
        }
    }

    internal override IEnumerable<string> Requires
    {
        get
        {
            var facts = new List<string> { Facts.Table(Schema, Table), Facts.IndexNameFree(Schema, Index.Name), Facts.Extensions };
            facts.AddRange(Index.Fields.Select(f => f.Column).OfType<string>().Concat(Index.Include).Select(c => Facts.Column(Schema, Table, c)));
            if (Index.Where is not null || Index.Fields.Any(f => f.Column is null))
            {
                facts.Add(Facts.Columns(Schema, Table));
            }

            return facts;
        }
    }
}
