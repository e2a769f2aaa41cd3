using Ashlar.Postgres.Schema;

namespace Ashlar.CodegenBenchmarks;

/// <summary>
/// The schema of <c>count</c> generated resources: each table has ten columns, a foreign key to the table before it,
/// an identity index, a custom index, a check and a statement — what a resource with a typical Postgres section yields.
/// </summary>
internal static class GeneratedSchema
{
    public static SchemaModel Build(int count, bool changed) => new()
    {
        Schemas = ["app"],
        Extensions = ["citext"],
        Tables = Enumerable.Range(0, count).Select(i => Table(i, changed)).ToList(),
    };

    private static TableModel Table(int i, bool changed)
    {
        var name = $"resource_{i:D4}";
        var columns = new List<ColumnModel>
        {
            new() { Name = "id", Type = "bigint", Nullable = false, Identity = true },
            new() { Name = "name", Type = "text", Nullable = false },
            new() { Name = "email", Type = "citext", Nullable = false },
            new() { Name = "state", Type = "text", Nullable = false, Default = "'active'" },
            new() { Name = "amount", Type = changed ? "numeric(12,2)" : "numeric(10,2)" },
            new() { Name = "tags", Type = "text[]" },
            new() { Name = "parent_id", Type = "bigint" },
            new() { Name = "notes", Type = "text" },
            new() { Name = "inserted_at", Type = "timestamp with time zone", Nullable = false, Default = "now()" },
            new() { Name = "updated_at", Type = "timestamp with time zone", Nullable = false, Default = "now()" },
        };
        if (changed)
        {
            columns.Add(new ColumnModel { Name = "archived", Type = "boolean", Nullable = false, Default = "false" });
        }

        return new TableModel
        {
            Schema = "app",
            Name = name,
            Columns = columns,
            PrimaryKey = ["id"],
            ForeignKeys = i == 0 ? [] :
            [
                new ForeignKeyModel
                {
                    Name = $"{name}_parent_id_fkey", Columns = ["parent_id"], ReferencedSchema = "app", ReferencedTable = $"resource_{i - 1:D4}",
                    ReferencedColumns = ["id"], OnDelete = ForeignKeyAction.SetNull,
                },
            ],
            Indexes =
            [
                new IndexModel { Name = $"{name}_unique_email_index", Fields = [new IndexKeyModel("email", null, false)], Unique = true },
                new IndexModel
                {
                    Name = $"{name}_state_index",
                    Fields = [new IndexKeyModel("state", null, false), new IndexKeyModel("inserted_at", null, true)],
                    Where = changed ? "state <> 'archived'" : null,
                },
            ],
            Checks = [new CheckModel($"{name}_amount_positive", "amount > 0")],
            Statements = [new StatementModel($"{name}_comment", $"COMMENT ON TABLE app.{name} IS 'resource {i}'", $"COMMENT ON TABLE app.{name} IS NULL", false)],
        };
    }
}
