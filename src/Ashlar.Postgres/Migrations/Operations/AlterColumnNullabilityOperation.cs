using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Allows or forbids NULL in a column.</summary>
internal sealed record AlterColumnNullabilityOperation(string Schema, string Table, string Column, bool Nullable) : MigrationOperation
{
    public override string Description => $"{(Nullable ? "allow" : "forbid")} NULL in {Schema}.{Table}.{Column}";

    public override IReadOnlyList<string> Up => [DdlWriter.SetNullable(Schema, Table, Column, Nullable)];

    public override IReadOnlyList<string> Down => [DdlWriter.SetNullable(Schema, Table, Column, !Nullable)];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    public override IReadOnlyList<OperationHazard> Hazards => Nullable
        ? []
        : [new(HazardKind.FullTableValidation, $"SET NOT NULL on {Schema}.{Table}.{Column} scans every row and fails on a NULL")];

    internal override IEnumerable<string> Provides => [Facts.Columns(Schema, Table), Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires => [Facts.Column(Schema, Table, Column), Facts.PrimaryKeyChanged(Schema, Table)];
}
