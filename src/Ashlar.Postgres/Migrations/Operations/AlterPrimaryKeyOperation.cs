using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Replaces a table's primary key (drop the old constraint, add the new one).</summary>
internal sealed record AlterPrimaryKeyOperation(string Schema, string Table, IReadOnlyList<string> From, IReadOnlyList<string> To) : MigrationOperation
{
    public override string Description => $"change primary key of {Schema}.{Table} to ({string.Join(", ", To)})";

    public override IReadOnlyList<string> Up => Replace(From, To);

    public override IReadOnlyList<string> Down => Replace(To, From);

    public override LockLevel Lock => LockLevel.AccessExclusive;

    public override IReadOnlyList<OperationHazard> Hazards => To.Count == 0
        ? []
        : [new(HazardKind.FullTableValidation, $"the new primary key of {Schema}.{Table} builds a unique index over every row")];

    internal override IEnumerable<string> Provides =>
        [Facts.PrimaryKey(Schema, Table), Facts.PrimaryKeyChanged(Schema, Table), Facts.UniqueKey(Schema, Table, To), Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires =>
        [Facts.Table(Schema, Table), Facts.ForeignKeysIntoGone(Schema, Table), .. To.Select(c => Facts.Column(Schema, Table, c))];

    private List<string> Replace(IReadOnlyList<string> from, IReadOnlyList<string> to)
    {
        var statements = new List<string>();
        if (from.Count > 0)
        {
            statements.Add(DdlWriter.DropConstraint(DdlWriter.Ref(Schema, Table), SchemaNames.PrimaryKey(Table)));
        }

        if (to.Count > 0)
        {
            statements.Add(DdlWriter.AddPrimaryKey(Schema, Table, to));
        }

        return statements;
    }
}
