using Ashlar.Errors;
using Ashlar.Postgres.Tests.Actions.Model;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Actions;

/// <summary>
/// <c>UpdateAllAsync</c> / <c>DestroyAllAsync</c> through actions with logic: arguments, fixed and argument values,
/// atomic changes and validations of what the call gives run once for the statement; steps that need the record in
/// memory, other records or hooks are refused by name, with nothing written.
/// </summary>
public sealed class QueryWriteWithLogicTests(ActionsFixture db) : IClassFixture<ActionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<Article>> Seed(string prefix, params int[] views)
    {
        var created = new List<Article>();
        for (var i = 0; i < views.Length; i++)
        {
            created.Add(await db.Domain.CreateAsync<Article>(new { title = $"{prefix} {i}", views = views[i] }, cancellationToken: Ct));
        }

        return created;
    }

    private Task<IReadOnlyList<Article>> Stored(string prefix) =>
        db.Domain.ReadAsync(Query.For<Article>().Filter(a => a.Title.StartsWith(prefix)).Sort(a => a.Id), cancellationToken: Ct);

    [Fact]
    public async Task Update_by_query_runs_a_custom_atomic_change_with_its_argument_on_each_selected_row()
    {
        await Seed("qw-score", 1, 5, 50);
        await Seed("qw-other", 7);

        var written = await db.Domain.UpdateAllAsync(Query.For<Article>().Filter(a => a.Title.StartsWith("qw-score") && a.Views < 10), new { points = 4 }, "score", cancellationToken: Ct);

        Assert.Equal(2, written);
        Assert.Equal([5, 9, 50], (await Stored("qw-score")).Select(a => a.Views));
        Assert.Equal(7, Assert.Single(await Stored("qw-other")).Views);
    }

    [Fact]
    public async Task Update_by_query_composes_increment_with_a_custom_atomic_change_and_returns_the_rows()
    {
        await Seed("qw-bump", 0, 10);

        var rows = await db.Domain.UpdateAllReturningAsync(Query.For<Article>().Filter(a => a.Title.StartsWith("qw-bump")), new { by = 3 }, "bump", cancellationToken: Ct);

        Assert.Equal([3, 13], rows.Select(a => a.Views).Order());
        Assert.Equal([3, 13], (await Stored("qw-bump")).Select(a => a.Views));
    }

    [Fact]
    public async Task Concurrent_updates_by_query_with_an_atomic_change_all_count()
    {
        await Seed("qw-race", 0, 100);

        await Task.WhenAll(Enumerable.Range(1, 8).Select(points => Task.Run(() =>
            db.Domain.UpdateAllAsync(Query.For<Article>().Filter(a => a.Title.StartsWith("qw-race")), new { points }, "score", cancellationToken: Ct), Ct)));

        Assert.Equal([36, 136], (await Stored("qw-race")).Select(a => a.Views));
    }

    [Fact]
    public async Task Update_by_query_runs_arguments_fixed_values_argument_values_and_validations_once()
    {
        await Seed("qw-close", 1, 2);

        Assert.Equal(2, await db.Domain.UpdateAllAsync(Query.For<Article>().Filter(a => a.Title.StartsWith("qw-close")), new { reason = "obsolete" }, "close", cancellationToken: Ct));
        Assert.All(await Stored("qw-close"), a => Assert.Equal(("closed", "obsolete"), (a.Status, a.ClosedReason)));

        await Seed("qw-refuse", 1);
        var refused = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAllAsync(
            Query.For<Article>().Filter(a => a.Title.StartsWith("qw-refuse")), new { reason = "Not Lower", priority = 9 }, "close", cancellationToken: Ct));
        Assert.Equal(["priority", "reason"], refused.Errors.Select(e => e.Field).Order());
        Assert.Equal("draft", Assert.Single(await Stored("qw-refuse")).Status);
    }

    [Fact]
    public async Task A_validation_of_a_value_the_call_gives_runs_and_one_of_a_stored_value_is_refused()
    {
        await Seed("qw-guard", 1);
        var query = Query.For<Article>().Filter(a => a.Title.StartsWith("qw-guard"));

        var tooShort = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAllAsync(query, new { title = "ab" }, "guarded", cancellationToken: Ct));
        Assert.Equal("title", Assert.IsType<InvalidAttribute>(Assert.Single(tooShort.Errors)).Field);

        var unread = await Assert.ThrowsAnyAsync<AshlarException>(() => db.Domain.UpdateAllAsync(query, new { }, "guarded", cancellationToken: Ct));
        var error = Assert.IsType<UnsupportedFeature>(Assert.Single(unread.Errors));
        Assert.Contains("string_length(title)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ValidateAtomically", error.Message, StringComparison.Ordinal);

        Assert.Equal(1, await db.Domain.UpdateAllAsync(query, new { title = "qw-guard renamed" }, "guarded", cancellationToken: Ct));
        Assert.Equal("qw-guard renamed", Assert.Single(await Stored("qw-guard")).Title);
    }

    [Theory]
    [InlineData("shout_all", "change UppercaseTitle", "IAtomicChange")]
    [InlineData("reslug", "change set_to", "a.Atomic(")]
    [InlineData("retitle", "validation no_related", "ValidateAtomically")]
    [InlineData("hooked", "after_transaction", "one by one")]
    [InlineData("adopt", "change relate", "one by one")]
    public async Task Update_by_query_refuses_steps_it_cannot_run_naming_the_step_and_the_fix(string action, string step, string fix)
    {
        await Seed($"qw-no-{action}", 3);

        var refused = await Assert.ThrowsAnyAsync<AshlarException>(() => db.Domain.UpdateAllAsync(
            Query.For<Article>().Filter(a => a.Title.StartsWith($"qw-no-{action}")), new { title = "QW changed", remark = 1 }, action, cancellationToken: Ct));

        var error = Assert.IsType<UnsupportedFeature>(Assert.Single(refused.Errors));
        Assert.Equal(nameof(Article), error.Resource);
        Assert.Contains(step, error.Message, StringComparison.Ordinal);
        Assert.Contains(fix, error.Message, StringComparison.Ordinal);
        Assert.Equal($"qw-no-{action} 0", Assert.Single(await Stored($"qw-no-{action}")).Title);
    }

    [Fact]
    public async Task Destroy_by_query_through_a_soft_destroy_archives_the_rows_with_its_arguments()
    {
        await Seed("qw-archive", 1, 2);
        await Seed("qw-reason", 1);

        Assert.Equal(2, await db.Domain.DestroyAllAsync(Query.For<Article>().Filter(a => a.Title.StartsWith("qw-archive")), "archive", cancellationToken: Ct));
        Assert.All(await Stored("qw-archive"), a => Assert.NotNull(a.ArchivedAt));

        var missing = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.DestroyAllAsync(Query.For<Article>().Filter(a => a.Title.StartsWith("qw-reason")), "archive_with_reason", cancellationToken: Ct));
        Assert.Equal("reason", Assert.IsType<Required>(Assert.Single(missing.Errors)).Field);

        Assert.Equal(1, await db.Domain.DestroyAllAsync(Query.For<Article>().Filter(a => a.Title.StartsWith("qw-reason")), new { reason = "stale" }, "archive_with_reason", cancellationToken: Ct));
        var archived = Assert.Single(await Stored("qw-reason"));
        Assert.Equal("stale", archived.ClosedReason);
        Assert.NotNull(archived.ArchivedAt);
    }
}
