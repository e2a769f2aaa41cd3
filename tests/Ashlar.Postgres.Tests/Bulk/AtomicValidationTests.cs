using Ashlar.Bulk;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.Bulk.Counters;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Bulk;

/// <summary>
/// Validations an update action checks in its statement (<c>ValidateAtomically</c>): against the row as stored when the
/// statement runs, not the copy the caller read, so a condition that became false since the read still refuses.
/// </summary>
public sealed class AtomicValidationTests(CounterFixture db) : IClassFixture<CounterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_condition_that_became_false_after_the_read_refuses_the_update_with_the_field_and_message()
    {
        var empty = await db.Domain.CreateAsync<Team>(new { name = "v-empty" }, cancellationToken: Ct);
        var read = await db.Domain.CreateAsync<Team>(new { name = "v-full" }, cancellationToken: Ct);
        // After the caller read the team (no counters then), another write gives it one.
        await db.Domain.CreateAsync<Counter>(new { name = "v-full-1", team_id = read.Id }, cancellationToken: Ct);

        var renamed = await db.Domain.UpdateAsync(empty, new { name = "v-renamed" }, action: "rename", cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(read, new { name = "v-stale" }, action: "rename", cancellationToken: Ct));

        Assert.Equal("v-renamed", renamed.Name);
        var error = Assert.IsType<InvalidAttribute>(Assert.Single(refused.Errors));
        Assert.Equal(("Team", "counters", "cannot be renamed once it has counters"), (error.Resource, error.Field, error.Message));
        Assert.Equal("v-full", (await db.Domain.GetAsync<Team>(read.Id, cancellationToken: Ct)).Name);
    }

    [Fact]
    public async Task An_update_by_query_is_refused_whole_when_one_row_fails_an_aggregate_condition()
    {
        var few = await db.Domain.CreateAsync<Team>(new { name = "va-few", bonus = 1 }, cancellationToken: Ct);
        var many = await db.Domain.CreateAsync<Team>(new { name = "va-many", bonus = 1 }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Counter>(new { name = "va-1", team_id = many.Id }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Counter>(new { name = "va-2", team_id = many.Id }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Counter>(new { name = "va-3", team_id = few.Id }, cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAllAsync(Query.For<Team>().Filter(t => t.Name.StartsWith("va-")), new { bonus = 9 }, action: "rebonus", cancellationToken: Ct));
        var bonuses = (await db.Domain.ReadAsync(Query.For<Team>().Filter(t => t.Name.StartsWith("va-")), cancellationToken: Ct)).Select(t => t.Bonus).ToList();
        var changed = await db.Domain.UpdateAllAsync(Query.For<Team>().Filter(t => t.Name == "va-few"), new { bonus = 9 }, action: "rebonus", cancellationToken: Ct);

        Assert.Equal(("bonus", "cannot change once the team has two counters"), (Assert.IsType<InvalidAttribute>(Assert.Single(refused.Errors)).Field, refused.Errors[0].Message));
        Assert.Equal([1, 1], bonuses);
        Assert.Equal(1, changed);
        Assert.Equal(9, (await db.Domain.GetAsync<Team>(few.Id, cancellationToken: Ct)).Bonus);
    }

    [Fact]
    public async Task An_upsert_checks_the_actions_atomic_validations_against_each_existing_row_and_writes_nothing_when_one_fails()
    {
        var upsert = new Upsert { Identity = "unique_counter_name", Fields = ["label"] };
        var options = new BulkCreateOptions { Action = "enlist", Upsert = upsert };
        await db.Domain.CreateAsync<Counter>(new { name = "vu-fresh", label = "old" }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Counter>(new { name = "vu-hit", label = "old", hits = 3L }, cancellationToken: Ct);

        var allowed = await db.Domain.BulkCreateAsync<Counter>([new { name = "vu-fresh", label = "new" }, new { name = "vu-new1", label = "new" }], options, Ct);
        var refused = await db.Domain.BulkCreateAsync<Counter>([new { name = "vu-new2", label = "new" }, new { name = "vu-hit", label = "new" }], options, Ct);
        var labels = (await db.Domain.ReadAsync(Query.For<Counter>().Filter(c => c.Name.StartsWith("vu-")), cancellationToken: Ct))
            .OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (c.Name, c.Label)).ToList();

        Assert.Equal(BulkStatus.Success, allowed.Status);
        var error = Assert.IsType<InvalidAttribute>(Assert.Single(Assert.Single(refused.Errors).Errors));
        Assert.Equal(("Counter", "hits", "cannot be relabelled once it has hits"), (error.Resource, error.Field, error.Message));
        Assert.Equal([("vu-fresh", "new"), ("vu-hit", "old"), ("vu-new1", "new")], labels);
    }

    [Fact]
    public async Task An_upsert_guard_reads_relationships_of_the_existing_row()
    {
        var team = await db.Domain.CreateAsync<Team>(new { name = "vr-team" }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Counter>(new { name = "vr-busy", hits = 101L, team_id = team.Id }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Counter>(new { name = "vr-idle", label = "old", team_id = team.Id }, cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpsertAsync<Counter>(
            new { name = "vr-idle", label = "new" }, new Upsert { Identity = "unique_counter_name", Fields = ["label"] }, action: "enlist", cancellationToken: Ct));

        Assert.Equal("hits", Assert.Single(refused.Errors).Field);
        Assert.Equal("old", (await db.Domain.ReadAsync(Query.For<Counter>().Filter(c => c.Name == "vr-idle"), cancellationToken: Ct)).Single().Label);
    }
}
