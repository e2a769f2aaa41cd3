using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>
/// Changes a column's type, converting values with a cast (<c>USING col::type</c>) or the conversion the declaration
/// gives. Its hazards say what PostgreSQL really does: a rewrite only when the change is not binary-coercible, data
/// loss only when a value can be lost (see <see cref="TypeChange"/>).
/// </summary>
internal sealed record AlterColumnTypeOperation(string Schema, string Table, string Column, string From, string To) : MigrationOperation
{
    /// <summary>The declared SQL that converts the old values, or null for a cast.</summary>
    public string? Using { get; init; }

    /// <summary>The declared SQL that converts back on down, or null for a cast.</summary>
    public string? UsingDown { get; init; }

    private TypeChange Change => new(From, To);

    private bool DownConverts => UsingDown is not null || new TypeChange(To, From).HasCast;

    public override string Description => $"change type of {Schema}.{Table}.{Column} from {From} to {To}";

    public override IReadOnlyList<string> Up => [DdlWriter.AlterColumnType(Schema, Table, Column, To, Using)];

    public override IReadOnlyList<string> Down => DownConverts ? [DdlWriter.AlterColumnType(Schema, Table, Column, From, UsingDown)] : [];

    public override string? IrreversibleReason => DownConverts
        ? null
        : $"no cast converts {Schema}.{Table}.{Column} back from {To} to {From}; declare the down conversion with MigrationUsing(…, down: \"<sql>\")";

    public override LockLevel Lock => LockLevel.AccessExclusive;

    public override IReadOnlyList<OperationHazard> Hazards
    {
        get
        {
            var hazards = new List<OperationHazard>();
            if (Using is not null || Change.Rewrites)
            {
                hazards.Add(new(HazardKind.TableRewrite, $"changing {Schema}.{Table}.{Column} from {From} to {To} rewrites the table and its indexes"));
            }

            if (Using is not null || Change.MayLoseData)
            {
                hazards.Add(new(HazardKind.DataLoss, $"values of {Schema}.{Table}.{Column} that do not fit {To} make it fail or lose precision"));
            }

            return hazards;
        }
    }

    internal override IEnumerable<string> Provides =>
        [Facts.Columns(Schema, Table), Facts.Structure(Schema, Table), Facts.ColumnTyped(Schema, Table, Column)];

    // Checks, indexes and keys that go away are dropped first, or PostgreSQL checks them against the new type.
    internal override IEnumerable<string> Requires =>
    [
        Facts.Column(Schema, Table, Column), Facts.Extensions, Facts.StatementsGone(Schema, Table), Facts.ChecksGone(Schema, Table),
        Facts.IndexesGone(Schema, Table), Facts.ForeignKeysOnColumnGone(Schema, Table, Column), Facts.ColumnReleased(Schema, Table, Column),
    ];
}
