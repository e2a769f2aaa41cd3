namespace Ashlar.Postgres.Schema;

/// <summary>
/// The statements that create a whole schema model in an empty database, in dependency order:
/// schemas, extensions, helper functions, tables, checks, indexes, foreign keys, custom statements.
/// Migrations do the same incrementally; this is for tests, demos and first deployments.
/// </summary>
internal static class SchemaCreator
{
    public static IReadOnlyList<string> Statements(SchemaModel schema)
    {
        var statements = new List<string>();
        statements.AddRange(schema.Schemas.Select(DdlWriter.CreateSchema));
        statements.AddRange(schema.Extensions.Select(DdlWriter.CreateExtension));
        statements.AddRange(schema.Functions.Select(UuidV7Function.Create));
        statements.AddRange(schema.Tables.Select(DdlWriter.CreateTable));
        foreach (var table in schema.Tables)
        {
            statements.AddRange(table.Checks.Select(c => DdlWriter.AddCheck(table, c)));
            statements.AddRange(table.Indexes.Select(i => DdlWriter.CreateIndex(table, i, allowConcurrently: false)));
        }

        foreach (var table in schema.Tables)
        {
            statements.AddRange(table.ForeignKeys.Select(k => DdlWriter.AddForeignKey(table, k)));
        }

        foreach (var table in schema.Tables)
        {
            statements.AddRange(table.Statements.Where(s => !s.OnDestroy).Select(s => s.Up));
        }

        return statements;
    }
}
