using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.Actions.Model;
using Ashlar.Queries;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.Actions;

/// <summary>Relate, unrelate and manage of a many-to-many through its join resource; what manage refuses when the domain is built.</summary>
public sealed class ManyToManyRelateTests(ActionsFixture db) : IClassFixture<ActionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Relate_and_unrelate_a_many_to_many_by_key_create_and_destroy_the_join_record()
    {
        var urgent = await db.Domain.CreateAsync<Label>(new { name = "urgent" }, cancellationToken: Ct);
        var billing = await db.Domain.CreateAsync<Label>(new { name = "billing" }, cancellationToken: Ct);
        var article = await db.Domain.CreateAsync<Article>(new { title = "labelled" }, cancellationToken: Ct);

        await db.Domain.UpdateAsync(article, new { add = urgent.Id }, "label", cancellationToken: Ct);
        await db.Domain.UpdateAsync(article, new { add = billing.Id }, "label", cancellationToken: Ct);
        await db.Domain.UpdateAsync(article, new { add = billing.Id }, "label", cancellationToken: Ct);
        Assert.Equal(["billing", "urgent"], await LabelsOf(article.Id));

        await db.Domain.UpdateAsync(article, new { remove = urgent.Id }, "label", cancellationToken: Ct);
        Assert.Equal(["billing"], await LabelsOf(article.Id));
        Assert.Equal(1, await db.Domain.CountAsync(Query.For<ArticleLabel>().Filter(j => j.ArticleId == article.Id), cancellationToken: Ct));
        Assert.NotNull(await db.Domain.FindAsync<Label>(urgent.Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task Relating_a_missing_key_is_not_found_and_rolls_the_whole_action_back()
    {
        var kept = await db.Domain.CreateAsync<Label>(new { name = "kept" }, cancellationToken: Ct);
        var article = await db.Domain.CreateAsync<Article>(new { title = "half labelled" }, cancellationToken: Ct);

        var missing = await Assert.ThrowsAsync<InvalidException>(() =>
            db.Domain.UpdateAsync(article, new { add = kept.Id, remove = -1L }, "label", cancellationToken: Ct));
        var relate = await Assert.ThrowsAsync<InvalidException>(() =>
            db.Domain.UpdateAsync(article, new { add = -1L }, "label", cancellationToken: Ct));

        Assert.Equal("labels", Assert.IsType<NotFound>(Assert.Single(missing.Errors)).Field);
        Assert.IsType<NotFound>(Assert.Single(relate.Errors));
        Assert.Empty(await LabelsOf(article.Id));
    }

    [Fact]
    public void Manage_of_records_with_a_composite_key_fails_the_build_with_the_fix_and_manage_of_a_many_to_many_does_not()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("shelves", d => d.Resource<Shelf>().Resource<Slot>().Resource<Book>().Resource<ShelfBook>()));

        var problems = error.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.Contains("action restock, change manage: manages slots, but Slot has a composite primary key (shelf_id, position)", StringComparison.Ordinal)
            && p.Contains("single-attribute primary key", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("reshelve", StringComparison.Ordinal));
        Assert.Single(problems);
    }

    [Fact]
    public async Task Manage_of_a_many_to_many_relates_by_key_creates_the_missing_and_unrelates_the_left_out_in_one_transaction()
    {
        var kept = await db.Domain.CreateAsync<Label>(new { name = "m-kept" }, cancellationToken: Ct);
        var dropped = await db.Domain.CreateAsync<Label>(new { name = "m-dropped" }, cancellationToken: Ct);
        var renamed = await db.Domain.CreateAsync<Label>(new { name = "m-old name" }, cancellationToken: Ct);
        var article = await db.Domain.CreateAsync<Article>(new { title = "managed labels" }, cancellationToken: Ct);
        await db.Domain.UpdateAsync(article, new { labels = new object[] { kept.Id, dropped.Id } }, "relabel", cancellationToken: Ct);
        Assert.Equal(["m-dropped", "m-kept"], await LabelsOf(article.Id));

        // A key relates (a map with other values also updates the record), a map without a key creates, the rest is unrelated.
        await db.Domain.UpdateAsync(article, new { labels = new object[] { new { id = kept.Id }, new { id = renamed.Id, name = "m-new name" }, new { name = "m-created" } } },
            "relabel", cancellationToken: Ct);

        Assert.Equal(["m-created", "m-kept", "m-new name"], await LabelsOf(article.Id));
        Assert.NotNull(await db.Domain.FindAsync<Label>(dropped.Id, cancellationToken: Ct));
        Assert.Equal(3, await db.Domain.CountAsync(Query.For<ArticleLabel>().Filter(j => j.ArticleId == article.Id), cancellationToken: Ct));

        // A missing key is NotFound and rolls back everything, the label created before it included.
        var missing = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(article,
            new { labels = new object[] { new { name = "m-ghost" }, new { id = -5L } } }, "relabel", cancellationToken: Ct));
        Assert.Equal("labels", Assert.IsType<NotFound>(Assert.Single(missing.Errors)).Field);
        Assert.Equal(["m-created", "m-kept", "m-new name"], await LabelsOf(article.Id));
        Assert.Equal(0, await db.Domain.CountAsync(Query.For<Label>().Filter(l => l.Name == "m-ghost"), cancellationToken: Ct));

        // JSON input: keys as numbers.
        using var json = System.Text.Json.JsonDocument.Parse("{\"labels\": [" + kept.Id + "]}");
        await db.Domain.UpdateAsync(article, json.RootElement, "relabel", cancellationToken: Ct);
        Assert.Equal(["m-kept"], await LabelsOf(article.Id));
    }

    private async Task<List<string>> LabelsOf(long article)
    {
        var read = await db.Domain.GetAsync<Article>(article, cancellationToken: Ct);
        var loaded = Assert.Single(await db.Domain.ReadAsync(Query.For<Article>().Filter(a => a.Id == read.Id).Load(a => a.Labels), cancellationToken: Ct));
        return loaded.Labels!.Select(l => l.Name).Order(StringComparer.Ordinal).ToList();
    }

    public sealed class Shelf : IResource<Shelf>
    {
        public long Id { get; set; }

        public List<Slot>? Slots { get; set; }

        public List<Book>? Books { get; set; }

        public static void Define(ResourceBuilder<Shelf> r)
        {
            r.IntegerPrimaryKey(s => s.Id);
            r.HasMany(s => s.Slots);
            r.ManyToMany(s => s.Books, m => m.Through<ShelfBook, long, long>(j => j.ShelfId, j => j.BookId));
            r.DefaultActions();
            r.Update("restock", a => a.Argument<IReadOnlyList<object>>("slots").Change(c => c.Manage(s => s.Slots, "slots")));
            r.Update("reshelve", a => a.Argument<IReadOnlyList<object>>("books").Change(c => c.Manage(s => s.Books, "books")));
        }
    }

    public sealed class Slot : IResource<Slot>
    {
        public long ShelfId { get; set; }

        public int Position { get; set; }

        public Shelf? Shelf { get; set; }

        public static void Define(ResourceBuilder<Slot> r)
        {
            r.Attribute(s => s.ShelfId, a => a.PrimaryKey());
            r.Attribute(s => s.Position, a => a.PrimaryKey());
            r.BelongsTo(s => s.Shelf);
            r.DefaultActions();
        }
    }

    public sealed class Book : IResource<Book>
    {
        public long Id { get; set; }

        public static void Define(ResourceBuilder<Book> r)
        {
            r.IntegerPrimaryKey(b => b.Id);
            r.DefaultActions();
        }
    }

    public sealed class ShelfBook : IResource<ShelfBook>
    {
        public long ShelfId { get; set; }

        public long BookId { get; set; }

        public Shelf? Shelf { get; set; }

        public Book? Book { get; set; }

        public static void Define(ResourceBuilder<ShelfBook> r)
        {
            r.Attribute(j => j.ShelfId, a => a.PrimaryKey());
            r.Attribute(j => j.BookId, a => a.PrimaryKey());
            r.BelongsTo(j => j.Shelf);
            r.BelongsTo(j => j.Book);
            r.DefaultActions();
        }
    }
}
