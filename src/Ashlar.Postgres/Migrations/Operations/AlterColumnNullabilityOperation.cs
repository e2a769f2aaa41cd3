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

    internal override IEnumerable<string> Provides => Nullable
        ? [Facts.Columns(Schema, Table), Facts.Structure(Schema, Table)]
        : [Facts.Columns(Schema, Table), Facts.Structure(Schema, Table), Facts.ColumnNotNull(Schema, Table, Column)];

    // NOT NULL cannot be dropped from an identity column: the identity goes first.
    internal override IEnumerable<string> Requires => Nullable
        ? [Facts.Column(Schema, Table, Column), Facts.PrimaryKeyChanged(Schema, Table), Facts.ColumnReleased(Schema, Table, Column)]
        : [Facts.Column(Schema, Table, Column), Facts.PrimaryKeyChanged(Schema, Table)];
}
