using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Generation.Library;

/// <summary>A composite reference (match with, MATCH FULL) to a unique key of its book.</summary>
public sealed class Chapter : IResource<Chapter>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public long BookId { get; set; }

    public Guid AuthorId { get; set; }

    public Book? Book { get; set; }

    public static void Define(ResourceBuilder<Chapter> r)
    {
        r.IntegerPrimaryKey(c => c.Id);
        r.Attribute(c => c.Title);
        r.Attribute(c => c.AuthorId);
        r.BelongsTo(c => c.Book);
        r.DefaultActions();
        r.Postgres(pg => pg
            .Table("chapters").Schema("library").Repo<LibraryRepo>()
            .Reference(c => c.Book, f => f.MatchWith("author_id", "author_id").Match(ReferenceMatchType.Full).OnDelete(OnDelete.Nothing)));
    }
}
