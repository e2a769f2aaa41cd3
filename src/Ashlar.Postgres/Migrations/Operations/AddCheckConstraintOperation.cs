using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Adds a check constraint.</summary>
internal sealed record AddCheckConstraintOperation(string Schema, string Table, CheckModel Check, bool NewTable) : MigrationOperation
{
    public override string Description => $"add check constraint {Check.Name} on {Schema}.{Table}";

    public override IReadOnlyList<string> Up => [DdlWriter.AddCheck(DdlWriter.Ref(Schema, Table), Check)];

    public override IReadOnlyList<string> Down => [DdlWriter.DropConstraint(DdlWriter.Ref(Schema, Table), Check.Name)];

    public override LockLevel Lock => NewTable ? LockLevel.None : LockLevel.AccessExclusive;

    public override IReadOnlyList<OperationHazard> Hazards => NewTable
        ? []
        : [new(HazardKind.FullTableValidation, $"{Check.Name} checks every row of {Schema}.{Table} under an exclusive lock")];

    internal override IEnumerable<string> Provides => [Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires =>
        [Facts.Table(Schema, Table), Facts.Columns(Schema, Table), Facts.CheckNameFree(Schema, Table, Check.Name)];
}
