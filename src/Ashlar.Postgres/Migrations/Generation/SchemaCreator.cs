using Ashlar.Postgres.Migrations.Diffing;
using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Generation;

/// <summary>
/// The statements that create a whole schema model in an empty database: the migration from nothing, diffed and
/// ordered as every migration is (<see cref="SchemaDiffer"/>, <see cref="OperationOrderer"/>), so there is one
/// place that knows DDL order. For tests, demos and first deployments.
/// </summary>
internal static class SchemaCreator
{
    public static IReadOnlyList<string> Statements(SchemaModel schema) =>
        OperationOrderer.Order(SchemaDiffer.Diff(new SchemaModel(), schema).Operations).SelectMany(o => o.Up).ToList();
}
