using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Changes a column's type, converting values with a cast (<c>USING col::type</c>).</summary>
internal sealed record AlterColumnTypeOperation(string Schema, string Table, string Column, string From, string To) : MigrationOperation
{
    public override string Description => $"change type of {Schema}.{Table}.{Column} from {From} to {To}";

    public override IReadOnlyList<string> Up => [DdlWriter.AlterColumnType(Schema, Table, Column, To)];

    public override IReadOnlyList<string> Down => [DdlWriter.AlterColumnType(Schema, Table, Column, From)];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    public override IReadOnlyList<OperationHazard> Hazards =>
    [
        new(HazardKind.TableRewrite, $"changing {Schema}.{Table}.{Column} to {To} rewrites the table and its indexes"),
        new(HazardKind.DataLoss, $"values of {Schema}.{Table}.{Column} that do not convert to {To} make it fail or lose precision"),
    ];

    internal override IEnumerable<string> Provides => [Facts.Columns(Schema, Table), Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires =>
        [Facts.Column(Schema, Table, Column), Facts.Extensions, Facts.StatementsGone(Schema, Table)];
}
