using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Changes only when a foreign key is checked (<c>ALTER CONSTRAINT</c>), without dropping it.</summary>
internal sealed record AlterForeignKeyDeferrabilityOperation(string Schema, string Table, string Name, Deferrable From, Deferrable To)
    : MigrationOperation
{
    public override string Description => $"make foreign key {Name} on {Schema}.{Table} {To.ToString().ToLowerInvariant()} deferrable";

    public override IReadOnlyList<string> Up => [DdlWriter.AlterDeferrable(Schema, Table, Name, To)];

    public override IReadOnlyList<string> Down => [DdlWriter.AlterDeferrable(Schema, Table, Name, From)];

    public override LockLevel Lock => LockLevel.ShareRowExclusive;

    internal override IEnumerable<string> Provides => [Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires => [Facts.Table(Schema, Table)];
}
