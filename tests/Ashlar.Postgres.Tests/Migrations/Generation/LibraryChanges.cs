using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

/// <summary>A second version of the library's schema with one change of every kind, applied to the first version.</summary>
internal static class LibraryChanges
{
    public static SchemaModel Apply(SchemaModel v1)
    {
        var tables = v1.Tables.Where(t => t.Name != "tags").Select(Change).ToList();
        tables.Add(new TableModel
        {
            Schema = "library",
            Name = "reviews",
            Columns =
            [
                new ColumnModel { Name = "id", Type = "bigint", Nullable = false, Identity = true },
                new ColumnModel { Name = "book_id", Type = "bigint", Nullable = false },
                new ColumnModel { Name = "stars", Type = "smallint", Nullable = false, Default = "3" },
            ],
            PrimaryKey = ["id"],
            ForeignKeys =
            [
                new ForeignKeyModel
                {
                    Name = "reviews_book_id_fkey", Columns = ["book_id"], ReferencedSchema = "library", ReferencedTable = "books",
                    ReferencedColumns = ["id"], OnDelete = ForeignKeyAction.Cascade,
                },
            ],
            Checks = [new CheckModel("stars_range", "stars >= 1 AND stars <= 5")],
        });
        return v1 with { Tables = tables.OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList() };
    }

    private static TableModel Change(TableModel table) => table.Name switch
    {
        "authors" => table with
        {
            Columns =
            [
                .. table.Columns.Select(c => c.Name switch
                {
                    "name" => c with { Name = "full_name", RenamedFrom = ["name"] },
                    "handle" => c with { Type = "character varying(50)" },
                    _ => c,
                }),
                new ColumnModel { Name = "bio", Type = "text" },
            ],
            Indexes = table.Indexes.Select(i => i.Name == "authors_email_key_index" ? i with { Name = "authors_unique_email_index" } : i).ToList(),
        },
        "books" => table with
        {
            Columns = table.Columns.Where(c => c.Name != "rating").Select(c => c.Name switch
            {
                "stock" => c with { Default = "1" },
                "title" => c with { Nullable = true },
                _ => c,
            }).ToList(),
            Checks = table.Checks.Select(c => c.Name == "price_positive" ? c with { Check = "price >= 0" } : c).ToList(),
            ForeignKeys = table.ForeignKeys.Select(k => k.Name switch
            {
                "books_author_fk" => k with { Deferrable = ForeignKeyDeferral.NotDeferrable },
                "books_editor_id_fkey" => k with { OnDelete = ForeignKeyAction.Cascade, NilifyColumns = [] },
                _ => k,
            }).ToList(),
            Indexes =
            [
                .. table.Indexes.Where(i => i.Name != "books_tags_index"),
                new IndexModel { Name = "books_subtitle_index", Fields = [new IndexKeyModel("subtitle", null, false)], Concurrently = true },
            ],
            Statements = table.Statements.Select(s => s with { Up = s.Up.Replace("price < 10", "price < 20", StringComparison.Ordinal) }).ToList(),
        },
        "chapters" => table with
        {
            Name = "sections",
            RenamedFrom = ["chapters"],
            ForeignKeys = table.ForeignKeys.Select(k => k with { Name = k.Name.Replace("chapters_", "sections_", StringComparison.Ordinal) }).ToList(),
        },
        _ => table,
    };
}
