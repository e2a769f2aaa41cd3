using Ashlar.Bulk;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.Bulk.Counters;
using Ashlar.Queries;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.Bulk;

public sealed class OptimisticLockTests(CounterFixture db) : IClassFixture<CounterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_update_bumps_the_version_in_the_statement_and_a_stale_copy_is_refused()
    {
        var created = await db.Domain.CreateAsync<Counter>(new { name = "ol-update" }, cancellationToken: Ct);
        var first = await db.Domain.UpdateAsync(created, new { label = "a" }, cancellationToken: Ct);
        var second = await db.Domain.UpdateAsync(first, new { label = "b" }, cancellationToken: Ct);

        var stale = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(first, new { label = "c" }, cancellationToken: Ct));

        Assert.Equal([1, 2, 3], new[] { created.Version, first.Version, second.Version });
        var error = Assert.IsType<StaleRecord>(Assert.Single(stale.Errors));
        Assert.Equal("Counter", error.Resource);
        Assert.Contains($"id = {created.Id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("read it again", error.Message, StringComparison.Ordinal);
        var stored = await db.Domain.GetAsync<Counter>(created.Id, cancellationToken: Ct);
        Assert.Equal(("b", 3), (stored.Label, stored.Version));
    }

    [Fact]
    public async Task A_stale_copy_cannot_be_destroyed_and_a_current_one_can()
    {
        var created = await db.Domain.CreateAsync<Counter>(new { name = "ol-destroy" }, cancellationToken: Ct);
        var current = await db.Domain.UpdateAsync(created, new { score = 4 }, cancellationToken: Ct);

        var stale = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.DestroyAsync(created, cancellationToken: Ct));
        Assert.IsType<StaleRecord>(Assert.Single(stale.Errors));
        Assert.NotNull(await db.Domain.FindAsync<Counter>(created.Id, cancellationToken: Ct));

        await db.Domain.DestroyAsync(current, cancellationToken: Ct);
        Assert.Null(await db.Domain.FindAsync<Counter>(created.Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task Updates_by_query_and_upserts_bump_the_version_too()
    {
        var created = await db.Domain.CreateAsync<Counter>(new { name = "ol-query" }, cancellationToken: Ct);

        await db.Domain.UpdateAllAsync(Query.For<Counter>().Filter(c => c.Name == "ol-query"), new { label = "q" }, cancellationToken: Ct);
        var upserted = await db.Domain.UpsertAsync<Counter>(new { name = "ol-query", label = "u" }, new Upsert { Identity = "unique_counter_name", Fields = ["label"] }, cancellationToken: Ct);

        Assert.Equal(3, upserted!.Version);
        var stale = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(created, new { label = "x" }, cancellationToken: Ct));
        Assert.IsType<StaleRecord>(Assert.Single(stale.Errors));
    }

    [Fact]
    public async Task The_version_is_not_an_input()
    {
        var created = await db.Domain.CreateAsync<Counter>(new { name = "ol-input" }, cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(created, new { version = 1 }, cancellationToken: Ct));

        Assert.Equal("version", Assert.IsType<NoSuchInput>(Assert.Single(refused.Errors)).Field);
    }

    [Fact]
    public void A_version_that_is_not_an_integer_fails_the_build()
    {
        var problem = Assert.Throws<DeclarationException>(() => DomainModel.Build("bad", d => d.Resource<BadVersion>()));

        Assert.Contains(problem.Problems, p => p.Option == "optimistic lock version" && p.Problem.Contains("not a non-nullable integer", StringComparison.Ordinal));
    }

    private sealed class BadVersion : IResource<BadVersion>
    {
        public Guid Id { get; set; }

        public string Version { get; set; } = "";

        public static void Define(ResourceBuilder<BadVersion> r)
        {
            r.UuidPrimaryKey(b => b.Id);
            r.OptimisticLock(b => b.Version);
            r.DefaultActions();
        }
    }
}
