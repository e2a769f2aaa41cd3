using Ashlar.Errors;
using Ashlar.Postgres.Tests.Actions.Model;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Actions;

/// <summary>A read action's filter, arguments and loads apply to reads by key and to aggregates, not only to ReadAsync.</summary>
public sealed class ReadActionEverywhereTests(ActionsFixture db) : IClassFixture<ActionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Find_and_get_apply_the_primary_read_action_so_a_soft_destroyed_record_is_not_found()
    {
        var writer = await db.Domain.CreateAsync<Writer>(new { name = "Memo writer" }, cancellationToken: Ct);
        var memo = await db.Domain.CreateAsync<Memo>(new { body = "kept then archived", writerId = writer.Id }, cancellationToken: Ct);

        var found = await db.Domain.FindAsync<Memo>(memo.Id, cancellationToken: Ct);
        Assert.Equal("Memo writer", found?.Writer?.Name);

        await db.Domain.DestroyAsync(memo, cancellationToken: Ct);

        Assert.Null(await db.Domain.FindAsync<Memo>(memo.Id, cancellationToken: Ct));
        var missing = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.GetAsync<Memo>(memo.Id, cancellationToken: Ct));
        Assert.IsType<NotFound>(Assert.Single(missing.Errors));
        var stored = Assert.Single(await db.Domain.ReadAsync(Query.For<Memo>().Action("everything").Filter(m => m.Id == memo.Id), cancellationToken: Ct));
        Assert.NotNull(stored.ArchivedAt);
    }

    [Fact]
    public async Task Count_exists_and_aggregates_apply_the_read_actions_filter()
    {
        var kept = await db.Domain.CreateAsync<Memo>(new { body = "counted kept" }, cancellationToken: Ct);
        var archived = await db.Domain.CreateAsync<Memo>(new { body = "counted archived" }, cancellationToken: Ct);
        await db.Domain.DestroyAsync(archived, cancellationToken: Ct);

        var counted = Query.For<Memo>().Filter(m => m.Body.StartsWith("counted "));
        Assert.Equal(1, await db.Domain.CountAsync(counted, cancellationToken: Ct));
        Assert.Equal(2, await db.Domain.CountAsync(counted.Action("everything"), cancellationToken: Ct));
        Assert.False(await db.Domain.ExistsAsync(Query.For<Memo>().Filter(m => m.Id == archived.Id), cancellationToken: Ct));
        Assert.True(await db.Domain.ExistsAsync(Query.For<Memo>().Filter(m => m.Id == kept.Id), cancellationToken: Ct));
        Assert.Equal(kept.Id, await db.Domain.AggregateAsync(counted, a => a.Max(m => m.Id), cancellationToken: Ct));
    }

    [Fact]
    public async Task Aggregates_read_the_actions_arguments_with_their_typed_errors()
    {
        foreach (var (title, views) in new[] { ("agg one", 3), ("agg two", 4) })
        {
            await db.Domain.CreateAsync<Article>(new { title, status = "aggregated", views }, cancellationToken: Ct);
        }

        await db.Domain.CreateAsync<Article>(new { title = "agg other", status = "not aggregated", views = 100 }, cancellationToken: Ct);

        var byStatus = Query.For<Article>().Action("by_status", new { status = "aggregated" });
        Assert.Equal(2, await db.Domain.CountAsync(byStatus, cancellationToken: Ct));
        Assert.Equal(7, await db.Domain.AggregateAsync(byStatus, a => a.Sum(x => x.Views), cancellationToken: Ct));
        var grouped = await db.Domain.AggregateByAsync(byStatus, x => x.Status, a => a.Count(), cancellationToken: Ct);
        Assert.Equal([new KeyValuePair<string, long>("aggregated", 2)], grouped);

        var missing = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CountAsync(Query.For<Article>().Action("by_status"), cancellationToken: Ct));
        Assert.IsType<Required>(Assert.Single(missing.Errors));
        var unknown = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CountAsync(Query.For<Article>().Action("active", new { status = "x" }), cancellationToken: Ct));
        Assert.IsType<NoSuchInput>(Assert.Single(unknown.Errors));
    }

    [Fact]
    public async Task A_filter_translated_once_per_action_takes_each_calls_arguments_and_a_nil_one_means_is_null()
    {
        var duplicate = await db.Domain.CreateAsync<Article>(new { title = "reason dup" }, cancellationToken: Ct);
        duplicate = await db.Domain.UpdateAsync(duplicate, new { reason = "duplicate" }, "close", cancellationToken: Ct);
        var spam = await db.Domain.CreateAsync<Article>(new { title = "reason spam" }, cancellationToken: Ct);
        spam = await db.Domain.UpdateAsync(spam, new { reason = "spam" }, "close", cancellationToken: Ct);
        var open = await db.Domain.CreateAsync<Article>(new { title = "reason none" }, cancellationToken: Ct);

        Query<Article> Reason(string? reason) => Query.For<Article>().Action("by_reason", new { reason }).Filter(a => a.Title.StartsWith("reason "));

        Assert.Equal([duplicate.Id], (await db.Domain.ReadAsync(Reason("duplicate"), cancellationToken: Ct)).Select(a => a.Id));
        Assert.Equal([spam.Id], (await db.Domain.ReadAsync(Reason("spam"), cancellationToken: Ct)).Select(a => a.Id));
        Assert.Equal([open.Id], (await db.Domain.ReadAsync(Reason(null), cancellationToken: Ct)).Select(a => a.Id));
        Assert.Equal(1, await db.Domain.CountAsync(Reason("spam"), cancellationToken: Ct));
        Assert.Equal(1, await db.Domain.CountAsync(Reason(null), cancellationToken: Ct));
    }
}
