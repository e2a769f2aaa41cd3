using Ashlar.Errors;
using Ashlar.Postgres.Tests.Actions.Model;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Actions;

public sealed class SoftDestroyAndReadTests(ActionsFixture db) : IClassFixture<ActionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_soft_destroy_sets_the_archive_time_and_a_read_action_with_a_filter_leaves_the_record_out()
    {
        var kept = await db.Domain.CreateAsync<Article>(new { title = "soft kept" }, cancellationToken: Ct);
        var archived = await db.Domain.CreateAsync<Article>(new { title = "soft archived" }, cancellationToken: Ct);

        await db.Domain.DestroyAsync(archived, "archive", cancellationToken: Ct);

        var stored = await db.Domain.GetAsync<Article>(archived.Id, cancellationToken: Ct);
        Assert.NotNull(stored.ArchivedAt);
        Assert.True(stored.ArchivedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        var active = await db.Domain.ReadAsync(Query.For<Article>().Action("active").Filter(a => a.Title.StartsWith("soft ")), cancellationToken: Ct);
        Assert.Equal([kept.Id], active.Select(a => a.Id));
    }

    [Fact]
    public async Task A_soft_destroy_with_an_argument_requires_it_and_stores_it_through_a_change()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "soft reasoned" }, cancellationToken: Ct);

        var missing = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.DestroyAsync(article, "archive_with_reason", cancellationToken: Ct));
        Assert.IsType<Required>(Assert.Single(missing.Errors));
        Assert.Null((await db.Domain.GetAsync<Article>(article.Id, cancellationToken: Ct)).ArchivedAt);

        await db.Domain.DestroyAsync(article, new { reason = "outdated" }, "archive_with_reason", cancellationToken: Ct);
        var stored = await db.Domain.GetAsync<Article>(article.Id, cancellationToken: Ct);
        Assert.Equal("outdated", stored.ClosedReason);
        Assert.NotNull(stored.ArchivedAt);
    }

    [Fact]
    public async Task A_read_action_sorts_limits_and_loads_unless_the_query_says_otherwise()
    {
        var writer = await db.Domain.CreateAsync<Writer>(new { name = "Loaded" }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Article>(new { title = "prep b", writer = writer.Id }, "with_remarks", cancellationToken: Ct);
        await db.Domain.CreateAsync<Article>(new { title = "prep a", writer = writer.Id }, "with_remarks", cancellationToken: Ct);

        var sorted = await db.Domain.ReadAsync(Query.For<Article>().Action("active").Filter(a => a.Title.StartsWith("prep ")), cancellationToken: Ct);
        Assert.Equal(["prep a", "prep b"], sorted.Select(a => a.Title));
        Assert.All(sorted, a => Assert.Equal("Loaded", a.Writer?.Name));

        var resorted = await db.Domain.ReadAsync(Query.For<Article>().Action("active").Filter(a => a.Title.StartsWith("prep ")).Sort(a => a.Title, descending: true).Limit(1), cancellationToken: Ct);
        Assert.Equal(["prep b"], resorted.Select(a => a.Title));
    }

    [Fact]
    public async Task A_read_action_filters_by_its_typed_arguments_and_refuses_bad_ones()
    {
        var ids = new List<long>();
        foreach (var title in new[] { "arg one", "arg two", "arg three", "arg four" })
        {
            ids.Add((await db.Domain.CreateAsync<Article>(new { title, status = "argued" }, cancellationToken: Ct)).Id);
        }

        var argued = await db.Domain.ReadAsync(Query.For<Article>().Action("by_status", new { status = "argued" }), cancellationToken: Ct);
        Assert.Equal(ids.AsEnumerable().Reverse(), argued.Select(a => a.Id));

        var missing = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Article>().Action("by_status"), cancellationToken: Ct));
        Assert.IsType<Required>(Assert.Single(missing.Errors));
        var unknown = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Article>().Action("by_status", new { status = "argued", colour = "red" }), cancellationToken: Ct));
        Assert.Equal("colour", Assert.IsType<NoSuchInput>(Assert.Single(unknown.Errors)).Field);
        var wrong = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Article>().Action("by_status", new { status = new[] { 1 } }), cancellationToken: Ct));
        Assert.IsType<InvalidArgument>(Assert.Single(wrong.Errors));
    }

    [Fact]
    public async Task A_read_action_pages_by_its_default_size_and_cuts_larger_pages_to_its_maximum()
    {
        foreach (var title in new[] { "page 1", "page 2", "page 3", "page 4", "page 5" })
        {
            await db.Domain.CreateAsync<Article>(new { title, status = "paged" }, cancellationToken: Ct);
        }

        var query = Query.For<Article>().Action("by_status", new { status = "paged" });
        var first = await db.Domain.PageAsync(query, cancellationToken: Ct);
        Assert.Equal(["page 5", "page 4"], first.Records.Select(a => a.Title));
        var next = await db.Domain.PageAsync(query, after: first.NextCursor, cancellationToken: Ct);
        Assert.Equal(["page 3", "page 2"], next.Records.Select(a => a.Title));

        var capped = await db.Domain.PageAsync(query, 50, cancellationToken: Ct);
        Assert.Equal(3, capped.Records.Count);
        Assert.True(capped.HasMore);
    }

    [Fact]
    public async Task A_get_action_returns_one_record_or_null_and_more_than_one_is_an_error()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "Only One" }, cancellationToken: Ct);

        var found = await db.Domain.ReadOneAsync(Query.For<Article>().Action("by_slug", new { slug = "only-one" }), cancellationToken: Ct);
        Assert.Equal(article.Id, found?.Id);
        Assert.Null(await db.Domain.ReadOneAsync(Query.For<Article>().Action("by_slug", new { slug = "nobody" }), cancellationToken: Ct));

        await db.Domain.CreateAsync<Article>(new { title = "twin", status = "twins" }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Article>(new { title = "twin", status = "twins" }, cancellationToken: Ct);
        var many = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadOneAsync(Query.For<Article>().Action("by_status", new { status = "twins" }), cancellationToken: Ct));
        Assert.IsType<MultipleResults>(Assert.Single(many.Errors));
    }
}
