using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>
/// Undoes a custom statement that was removed or changed: up runs its old down, down runs its old up. It runs before
/// anything else changes on its table.
/// </summary>
internal sealed record RevertStatementOperation(string Schema, string Table, StatementModel Statement) : MigrationOperation
{
    public override string Description => $"revert statement {Statement.Name} on {Schema}.{Table}";

    public override IReadOnlyList<string> Up => Statement.Down is null ? [] : [Statement.Down];

    public override IReadOnlyList<string> Down => Statement.Down is null ? [] : [Statement.Up];

    public override LockLevel Lock => LockLevel.Unknown;

    public override IReadOnlyList<OperationHazard> Hazards => Statement.Down is null
        ? [new(HazardKind.DataLoss, $"statement {Statement.Name} on {Schema}.{Table} declares no down: what it did stays; check it by hand")]
        : [];

    internal override IEnumerable<string> Provides =>
        [Facts.StatementGone(Schema, Table, Statement.Name), Facts.StatementsGone(Schema, Table)];

    internal override IEnumerable<string> Requires => [];
}
