using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Creates a schema; down drops it (it must be empty by then).</summary>
internal sealed record CreateSchemaOperation(string Schema) : MigrationOperation
{
    public override string Description => $"create schema {Schema}";

    public override IReadOnlyList<string> Up => [DdlWriter.CreateSchema(Schema)];

    public override IReadOnlyList<string> Down => [DdlWriter.DropSchema(Schema)];

    public override LockLevel Lock => LockLevel.None;

    internal override IEnumerable<string> Provides => [Facts.Schema(Schema)];

    internal override IEnumerable<string> Requires => [];
}
