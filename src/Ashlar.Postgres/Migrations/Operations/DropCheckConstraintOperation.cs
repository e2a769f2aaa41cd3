using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Drops a check constraint; down adds it back.</summary>
internal sealed record DropCheckConstraintOperation(string Schema, string Table, CheckModel Check) : MigrationOperation
{
    public override string Description => $"drop check constraint {Check.Name} on {Schema}.{Table}";

    public override IReadOnlyList<string> Up => [DdlWriter.DropConstraint(DdlWriter.Ref(Schema, Table), Check.Name)];

    public override IReadOnlyList<string> Down => [DdlWriter.AddCheck(DdlWriter.Ref(Schema, Table), Check)];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    internal override IEnumerable<string> Provides => [Facts.ChecksGone(Schema, Table), Facts.CheckNameFree(Schema, Table, Check.Name)];

    internal override IEnumerable<string> Requires => [];
}
