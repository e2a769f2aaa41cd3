using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Adds a column to an existing table; down drops it.</summary>
internal sealed record AddColumnOperation(string Schema, string Table, ColumnModel Column) : MigrationOperation
{
    private static readonly string[] VolatileDefaults = ["gen_random_uuid()", "random()", "clock_timestamp()", "uuidv7()", "uuid_generate_v4()"];

    public override string Description => $"add column {Schema}.{Table}.{Column.Name}";

    public override IReadOnlyList<string> Up => [DdlWriter.AddColumn(Schema, Table, Column)];

    public override IReadOnlyList<string> Down => [DdlWriter.DropColumn(Schema, Table, Column.Name)];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    public override IReadOnlyList<OperationHazard> Hazards
    {
        get
        {
            var hazards = new List<OperationHazard>();
            var where = $"{Schema}.{Table}.{Column.Name}";
            if (Column.Generated is not null || Column.Identity
                || (Column.Default is { } sql && VolatileDefaults.Any(v => sql.Contains(v, StringComparison.OrdinalIgnoreCase))))
            {
                hazards.Add(new(HazardKind.TableRewrite, $"adding {where} computes a value for every existing row"));
            }

            if (!Column.Nullable && Column.Default is null && Column.Generated is null && !Column.Identity)
            {
                hazards.Add(new(HazardKind.FullTableValidation, $"{where} is NOT NULL without a default: fails when the table has rows"));
            }

            return hazards;
        }
    }

    internal override IEnumerable<string> Provides =>
    [
        Facts.Column(Schema, Table, Column.Name), Facts.Columns(Schema, Table), Facts.Structure(Schema, Table),
    ];

    internal override IEnumerable<string> Requires =>
        [Facts.Table(Schema, Table), Facts.Extensions, Facts.ColumnNameFree(Schema, Table, Column.Name)];
}
