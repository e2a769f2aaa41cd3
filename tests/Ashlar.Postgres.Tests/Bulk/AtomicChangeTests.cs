using Ashlar.Bulk;
using Ashlar.Changesets;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.Bulk.Counters;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Bulk;

public sealed class AtomicChangeTests(CounterFixture db) : IClassFixture<CounterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_level_atomic_change_is_evaluated_by_the_database_from_the_stored_row()
    {
        var created = await db.Domain.CreateAsync<Counter>(new { name = "at-call", score = 2 }, cancellationToken: Ct);
        await db.Domain.UpdateAllAsync(Query.For<Counter>().Filter(c => c.Name == "at-call"), new { score = 5 }, cancellationToken: Ct);
        var current = await db.Domain.GetAsync<Counter>(created.Id, cancellationToken: Ct);

        var updated = await db.Domain.UpdateAsync(current, new Changes<Counter>(new { label = "x" }).Atomic(c => c.Score, c => c.Score * 2).Atomic(c => c.Hits, c => c.Hits + 7), cancellationToken: Ct);

        Assert.Equal((10, 7L, "x", 3), (updated.Score, updated.Hits, updated.Label, updated.Version));
        Assert.True(updated.UpdatedAt > created.UpdatedAt);
    }

    [Fact]
    public async Task An_increment_past_the_maximum_is_an_invalid_attribute_and_the_row_is_unchanged()
    {
        var created = await db.Domain.CreateAsync<Counter>(new { name = "at-max", score = 10 }, cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(created, null, action: "bump", cancellationToken: Ct));
        var tooLong = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(created, new Changes<Counter>().Atomic(c => c.Label, c => c.Name + "-long"), cancellationToken: Ct));

        var error = Assert.IsType<InvalidAttribute>(Assert.Single(refused.Errors));
        Assert.Equal(("Counter", "score", "must be less than or equal to 10"), (error.Resource, error.Field, error.Message));
        var length = Assert.IsType<InvalidAttribute>(Assert.Single(tooLong.Errors));
        Assert.Equal(("label", "length must be less than or equal to 6"), (length.Field, length.Message));
        var stored = await db.Domain.GetAsync<Counter>(created.Id, cancellationToken: Ct);
        Assert.Equal((10, "", 1), (stored.Score, stored.Label, stored.Version));
    }

    [Fact]
    public async Task A_declared_atomic_action_reads_a_to_one_path()
    {
        var team = await db.Domain.CreateAsync<Team>(new { name = "reds", bonus = 3 }, cancellationToken: Ct);
        var created = await db.Domain.CreateAsync<Counter>(new { name = "at-path", score = 1, team_id = team.Id }, cancellationToken: Ct);

        var bumped = await db.Domain.UpdateAsync(created, null, action: "bump", cancellationToken: Ct);
        var bonus = await db.Domain.UpdateAsync(bumped, null, action: "add_team_bonus", cancellationToken: Ct);

        Assert.Equal((2, 5), (bumped.Score, bonus.Score));
    }

    [Fact]
    public async Task Update_all_applies_an_atomic_change_to_each_row_and_refuses_all_when_one_breaks_a_bound()
    {
        await db.Domain.BulkCreateAsync<Counter>([new { name = "at-all-1", score = 1 }, new { name = "at-all-2", score = 8 }], cancellationToken: Ct);
        var selected = Query.For<Counter>().Filter(c => c.Name.StartsWith("at-all-"));

        var changed = await db.Domain.UpdateAllReturningAsync(selected, new Changes<Counter>().Atomic(c => c.Score, c => c.Score + 2), cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAllAsync(selected, new Changes<Counter>().Atomic(c => c.Score, c => c.Score + 1), cancellationToken: Ct));

        Assert.Equal([3, 10], changed.Select(c => c.Score).Order());
        Assert.Equal("score", Assert.IsType<InvalidAttribute>(Assert.Single(refused.Errors)).Field);
        Assert.Equal([3, 10], (await db.Domain.ReadAsync(selected, cancellationToken: Ct)).Select(c => c.Score).Order());
    }

    [Fact]
    public async Task An_upsert_adds_the_incoming_value_to_the_existing_one_and_checks_the_bound()
    {
        var upsert = new Upsert { Identity = "unique_counter_name", Fields = [] }.Atomic<Counter, int>(c => c.Score, (old, incoming) => old.Score + incoming.Score);

        var inserted = await db.Domain.UpsertAsync<Counter>(new { name = "at-upsert", score = 4 }, upsert, cancellationToken: Ct);
        var added = await db.Domain.UpsertAsync<Counter>(new { name = "at-upsert", score = 5 }, upsert, cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpsertAsync<Counter>(new { name = "at-upsert", score = 2 }, upsert, cancellationToken: Ct));

        Assert.Equal((4, 1), (inserted!.Score, inserted.Version));
        Assert.Equal((9, 2), (added!.Score, added.Version));
        Assert.Equal("score", Assert.IsType<InvalidAttribute>(Assert.Single(refused.Errors)).Field);
        Assert.Equal(9, (await db.Domain.GetAsync<Counter>(inserted.Id, cancellationToken: Ct)).Score);
    }

    [Fact]
    public async Task An_atomic_change_of_the_version_or_of_an_attribute_also_given_a_value_is_refused()
    {
        var created = await db.Domain.CreateAsync<Counter>(new { name = "at-refused" }, cancellationToken: Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => db.Domain.UpdateAsync(created, new Changes<Counter>().Atomic(c => c.Version, c => c.Version + 5), cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => db.Domain.UpdateAsync(created, new Changes<Counter>(new { score = 3 }).Atomic(c => c.Score, c => c.Score + 1), cancellationToken: Ct));
    }
}
