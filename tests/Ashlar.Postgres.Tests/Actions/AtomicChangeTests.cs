using Ashlar.Postgres.Tests.Actions.Model;
using Xunit;

namespace Ashlar.Postgres.Tests.Actions;

/// <summary>
/// Changes with an atomic form (<c>Increment</c>, a custom <c>IAtomicChange</c>) are computed by PostgreSQL in the
/// UPDATE, from the row as stored then: concurrent updates through the same stale record all count.
/// </summary>
public sealed class AtomicChangeTests(ActionsFixture db) : IClassFixture<ActionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Eight_concurrent_updates_whose_custom_atomic_change_adds_points_all_count()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "contested", views = 10 }, cancellationToken: Ct);

        // Every task passes the record as first read (10 views): an in-memory change would write 10 + its own points.
        await Task.WhenAll(Enumerable.Range(1, 8).Select(points =>
            Task.Run(() => db.Domain.UpdateAsync(article, new { points }, "score", cancellationToken: Ct), Ct)));

        Assert.Equal(10 + 36, (await db.Domain.GetAsync<Article>(article.Id, cancellationToken: Ct)).Views);
    }

    [Fact]
    public async Task Eight_concurrent_increments_through_a_stale_record_never_lose_one()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "hit often", views = 1 }, cancellationToken: Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => db.Domain.UpdateAsync(article, null, "hit", cancellationToken: Ct), Ct)));

        Assert.Equal(1 + (8 * 2), (await db.Domain.GetAsync<Article>(article.Id, cancellationToken: Ct)).Views);
        // Each update returns the row as its statement left it: eight distinct values, 3 to 17.
        Assert.Equal(Enumerable.Range(1, 8).Select(i => 1 + (2 * i)), results.Select(r => r.Views).Order());
    }

    [Fact]
    public async Task An_atomic_change_after_a_set_value_reads_that_value_and_a_create_runs_the_in_memory_form()
    {
        var created = await db.Domain.CreateAsync<Article>(new { title = "scored at birth", views = 4, points = 3 }, "scored", cancellationToken: Ct);
        Assert.Equal(7, created.Views);

        // reset sets views to 100, then the increment's atomic form reads that value: one SET views = 100 + 2.
        var reset = await db.Domain.UpdateAsync(created, null, "reset", cancellationToken: Ct);
        Assert.Equal(102, reset.Views);
        Assert.Equal(102, (await db.Domain.GetAsync<Article>(created.Id, cancellationToken: Ct)).Views);
    }
}
