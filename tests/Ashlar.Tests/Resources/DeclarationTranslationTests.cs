using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Tests.Resources;

public sealed class DeclarationTranslationTests
{
    [Fact]
    public void A_relationship_filter_the_translator_refuses_fails_the_build_naming_the_relationship_and_the_fix()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("x", d => d.Resource<OddShelf>().Resource<Book>()));

        var problem = Assert.Single(error.Problems, p => p.Option == "has_many odd_books");
        Assert.Equal("OddShelf", problem.Resource);
        Assert.Contains("cannot be translated", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("GetHashCode", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("as a query filter", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relationship_sort_or_aggregate_filter_the_translator_refuses_fails_the_build_too()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("x", d => d.Resource<OddShelf>().Resource<Book>()));

        Assert.Contains(error.Problems, p => p.Option == "has_many hashed_books" && p.Problem.Contains("cannot be translated", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Option == "count odd_count" && p.Problem.Contains("cannot be translated", StringComparison.Ordinal));
    }

    [Fact]
    public void Declared_filters_and_sorts_are_expressions_on_the_definitions_once_the_domain_is_built()
    {
        var shelf = DomainModel.Build("x", d => d.Resource<Shelf>().Resource<Book>()).Resource<Shelf>();

        var thick = shelf.Relationship("thick_books")!;
        Assert.Equal("(pages GreaterThan 300)", Assert.IsType<BinaryExpr>(thick.Filter).ToString());
        Assert.Equal([("pages", true), ("id", false)], thick.Sort.Select(s => (s.Expression.ToString(), s.Descending)));
        Assert.Null(shelf.Relationship("books")!.Filter);
        Assert.Empty(shelf.Relationship("books")!.Sort);
        Assert.Equal("(pages GreaterThan 300)", shelf.Aggregates.Single().Filter?.ToString());
    }

    public sealed class Shelf : IResource<Shelf>
    {
        public long Id { get; set; }

        public List<Book>? Books { get; set; }

        public List<Book>? ThickBooks { get; set; }

        public long ThickCount { get; set; }

        public static void Define(ResourceBuilder<Shelf> r)
        {
            r.IntegerPrimaryKey(s => s.Id);
            r.HasMany(s => s.Books, h => h.DestinationAttribute(b => b.ShelfId));
            r.HasMany(s => s.ThickBooks, h => h.DestinationAttribute(b => b.ShelfId).Filter(b => b.Pages > 300).Sort(b => b.Pages, descending: true).Limit(3));
            r.Count(s => s.ThickCount, s => s.Books, a => a.Filter(b => b.Pages > 300));
        }
    }

    public sealed class OddShelf : IResource<OddShelf>
    {
        public long Id { get; set; }

        public List<Book>? OddBooks { get; set; }

        public List<Book>? HashedBooks { get; set; }

        public long OddCount { get; set; }

        public static void Define(ResourceBuilder<OddShelf> r)
        {
            r.IntegerPrimaryKey(s => s.Id);
            r.HasMany(s => s.OddBooks, h => h.DestinationAttribute(b => b.ShelfId).Filter(b => b.Pages.GetHashCode() == 1));
            r.HasMany(s => s.HashedBooks, h => h.DestinationAttribute(b => b.ShelfId).Sort(b => b.GetHashCode()));
            r.Count(s => s.OddCount, s => s.OddBooks, a => a.Filter(b => b.GetHashCode() == 1));
        }
    }

    public sealed class Book : IResource<Book>
    {
        public long Id { get; set; }

        public long ShelfId { get; set; }

        public int Pages { get; set; }

        public static void Define(ResourceBuilder<Book> r)
        {
            r.IntegerPrimaryKey(b => b.Id);
            r.Attribute(b => b.ShelfId);
            r.Attribute(b => b.Pages);
        }
    }
}
