using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Generation.Library;

/// <summary>References with every option, checks, custom indexes of every kind, migration types and defaults.</summary>
public sealed class Book : IResource<Book>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string? Subtitle { get; set; }

    public decimal? Price { get; set; }

    public string[]? Tags { get; set; }

    public string Isbn { get; set; } = "";

    public int Stock { get; set; }

    public short? Rating { get; set; }

    public BookState State { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public string? SearchText { get; set; }

    public Guid AuthorId { get; set; }

    public Guid? EditorId { get; set; }

    public Guid? TranslatorId { get; set; }

    public Guid? LegacyOwnerId { get; set; }

    public Author? Author { get; set; }

    public Author? Editor { get; set; }

    public Author? Translator { get; set; }

    public Author? LegacyOwner { get; set; }

    public static void Define(ResourceBuilder<Book> r)
    {
        r.IntegerPrimaryKey(b => b.Id);
        r.Attribute(b => b.Title);
        r.Attribute(b => b.Subtitle);
        r.Attribute(b => b.Price, a => a.Precision(10, 2));
        r.Attribute(b => b.Tags);
        r.Attribute(b => b.Isbn);
        r.Attribute(b => b.Stock);
        r.Attribute(b => b.Rating);
        r.Attribute(b => b.State, a => a.Default(BookState.Draft));
        r.Attribute(b => b.PublishedOn);
        r.Attribute(b => b.SearchText, a => a.Generated("lower(title)"));
        r.BelongsTo(b => b.Author);
        r.BelongsTo(b => b.Editor);
        r.BelongsTo(b => b.Translator);
        r.BelongsTo(b => b.LegacyOwner);
        r.Identity("unique_author_book", b => new { b.Id, b.AuthorId });
        r.DefaultActions();
        r.Postgres(pg => pg
            .Table("books").Schema("library").Repo<LibraryRepo>()
            .Reference(b => b.Author, f => f.OnDelete(OnDelete.Delete).OnUpdate(OnUpdate.Update).Deferrable(Deferrable.Initially)
                .Index("author_id IS NOT NULL").Name("books_author_fk"))
            .Reference(b => b.Editor, f => f.NilifyColumns("editor_id").OnUpdate(OnUpdate.Nilify).Deferrable(Deferrable.Yes))
            .Reference(b => b.Translator, f => f.OnDelete(OnDelete.Restrict).OnUpdate(OnUpdate.Restrict).Index())
            .Reference(b => b.LegacyOwner, f => f.Ignore())
            .CheckConstraint("price_positive", "price > 0", message: "must be positive", attributes: b => b.Price)
            .CheckConstraint("stock_not_negative", "stock >= 0", message: "cannot be negative", name: "books_stock_check")
            .MigrationType(b => b.Isbn, "character varying(20)")
            .MigrationDefault(b => b.Stock, "0")
            .Index(["title", "-published_on"], i => i.Unique().Where("subtitle IS NULL").Include("isbn"))
            .IndexOnExpressions(["lower(title)"], i => i.Name("books_lower_title_index"))
            .Index(["tags"], i => i.Using("gin"))
            .Index(["isbn"], i => i.Unique("isbn taken", "isbn").NullsDistinct(false).Name("books_isbn_index"))
            .Index(["stock"], i => i.Concurrently())
            .Statement("cheap_books_view",
                "CREATE VIEW library.cheap_books AS SELECT id, title FROM library.books WHERE price < 10",
                "DROP VIEW library.cheap_books"));
    }
}
