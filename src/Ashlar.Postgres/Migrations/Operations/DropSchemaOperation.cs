using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Drops a schema no table uses any more (without CASCADE: anything else in it makes it fail).</summary>
internal sealed record DropSchemaOperation(string Schema) : MigrationOperation
{
    public override string Description => $"drop schema {Schema}";

    public override IReadOnlyList<string> Up => [DdlWriter.DropSchema(Schema)];

    public override IReadOnlyList<string> Down => [DdlWriter.CreateSchema(Schema)];

    public override LockLevel Lock => LockLevel.None;

    internal override IEnumerable<string> Provides => [];

    internal override IEnumerable<string> Requires => [Facts.SchemaEmptied(Schema)];
}
