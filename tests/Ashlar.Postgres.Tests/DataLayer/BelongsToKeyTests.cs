using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class BelongsToKeyTests
{
    [Fact]
    public void A_missing_key_property_is_one_root_cause_whose_fix_has_the_destination_key_type()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("library", d => d.Resource<Shelf>().Resource<Book>()));

        var root = Assert.Single(error.Problems, p => p.CausedBy is null);
        Assert.Equal(("Book", "belongs_to shelf"), (root.Resource, root.Option));
        Assert.Contains("`public long ShelfId { get; set; }`", root.Fix, StringComparison.Ordinal);
        Assert.Contains("`long?` when a Book may have no shelf", root.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("Guid", root.Fix, StringComparison.Ordinal);

        var consequences = error.Problems.Where(p => p.CausedBy is not null).ToList();
        Assert.NotEmpty(consequences);
        Assert.All(consequences, p => Assert.Same(root, p.CausedBy));
        Assert.Contains(consequences, p => p.Option == "reference shelf");
        Assert.Same(root, error.Problems[0]);
        Assert.Contains($"follow from the others):{Environment.NewLine}  - {root}", error.Message, StringComparison.Ordinal);
        Assert.Contains("(follows from Book, belongs_to shelf: fix that first)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_onto_a_uuid_key_suggests_a_guid()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("library", d => d.Resource<Member>().Resource<Loan>()));

        var root = Assert.Single(error.Problems);
        Assert.Contains("`public Guid MemberId { get; set; }`", root.Fix, StringComparison.Ordinal);
    }

    public sealed class LibraryRepo : Repos.PostgresRepo;

    public sealed class Shelf : IResource<Shelf>
    {
        public long Id { get; set; }

        public static void Define(ResourceBuilder<Shelf> r)
        {
            r.IntegerPrimaryKey(s => s.Id);
            r.Postgres(pg => pg.Table("shelves").Repo<LibraryRepo>());
        }
    }

    public sealed class Book : IResource<Book>
    {
        public Guid Id { get; set; }

        public string Title { get; set; } = "";

        public Shelf? Shelf { get; set; }

        public static void Define(ResourceBuilder<Book> r)
        {
            r.UuidPrimaryKey(b => b.Id);
            r.Attribute(b => b.Title);
            r.BelongsTo(b => b.Shelf);
            r.Postgres(pg => pg.Table("books").Repo<LibraryRepo>()
                .Reference(b => b.Shelf, f => f.OnDelete(OnDelete.Delete))
                .Index(["shelf_id", "title"]));
        }
    }

    public sealed class Member : IResource<Member>
    {
        public Guid Id { get; set; }

        public static void Define(ResourceBuilder<Member> r)
        {
            r.UuidPrimaryKey(m => m.Id);
            r.Postgres(pg => pg.Table("members").Repo<LibraryRepo>());
        }
    }

    public sealed class Loan : IResource<Loan>
    {
        public Guid Id { get; set; }

        public Member? Member { get; set; }

        public static void Define(ResourceBuilder<Loan> r)
        {
            r.UuidPrimaryKey(l => l.Id);
            r.BelongsTo(l => l.Member);
            r.Postgres(pg => pg.Table("loans").Repo<LibraryRepo>());
        }
    }
}
