using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Changes only when a foreign key is checked (<c>ALTER CONSTRAINT</c>), without dropping it.</summary>
internal sealed record AlterForeignKeyDeferrabilityOperation(string Schema, string Table, string Name, ForeignKeyDeferral From, ForeignKeyDeferral To)
    : MigrationOperation
{
    public override string Description => $"make foreign key {Name} on {Schema}.{Table} {Word(To)} deferrable";

    public override IReadOnlyList<string> Up => [DdlWriter.AlterDeferrable(Schema, Table, Name, To)];

    public override IReadOnlyList<string> Down => [DdlWriter.AlterDeferrable(Schema, Table, Name, From)];

    public override LockLevel Lock => LockLevel.ShareRowExclusive;

    internal override IEnumerable<string> Provides => [Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires => [Facts.Table(Schema, Table)];

    private static string Word(ForeignKeyDeferral deferral) => deferral switch
    {
        ForeignKeyDeferral.InitiallyImmediate => "yes",
        ForeignKeyDeferral.InitiallyDeferred => "initially",
        _ => "no",
    };
}
