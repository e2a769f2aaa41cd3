using Ashlar.Bulk;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.Actions.Model;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Actions;

/// <summary>Bulk create runs an action's arguments, Set changes and validations on each row; hooks and relationship changes are refused.</summary>
public sealed class BulkWithLogicTests(ActionsFixture db) : IClassFixture<ActionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Bulk_create_runs_the_actions_arguments_changes_and_validations_on_every_row(bool returnRecords)
    {
        var prefix = returnRecords ? "Batched" : "Copied";
        var result = await db.Domain.BulkCreateAsync<Article>(
            [new { title = $"{prefix} One", origin = "feed" }, new { title = $"{prefix} Two", origin = "mail" }],
            new BulkCreateOptions { Action = "import", ReturnRecords = returnRecords }, Ct);

        Assert.Equal(2, result.Written);
        var stored = await db.Domain.ReadAsync(Query.For<Article>().Filter(a => a.Title.StartsWith(prefix + " ")).Sort(a => a.Title), cancellationToken: Ct);
        Assert.Equal([($"{prefix.ToLowerInvariant()}-one", "feed"), ($"{prefix.ToLowerInvariant()}-two", "mail")], stored.Select(a => (a.Slug, a.ClosedReason)));
    }

    [Fact]
    public async Task A_row_refused_by_an_argument_or_a_validation_is_reported_by_position_and_nothing_is_written()
    {
        var result = await db.Domain.BulkCreateAsync<Article>(
            [new { title = "Refused fine", origin = "feed" }, new { title = "not allowed", origin = "feed" }, new { title = "Refused no origin" }],
            new BulkCreateOptions { Action = "import", StopOnError = false }, Ct);

        Assert.Equal(0, result.Written);
        Assert.Equal([1, 2], result.Errors.Select(e => e.Index));
        Assert.Equal("title", Assert.IsType<InvalidAttribute>(Assert.Single(result.Errors[0].Errors)).Field);
        Assert.Equal("origin", Assert.IsType<Required>(Assert.Single(result.Errors[1].Errors)).Field);
        Assert.Equal(0, await db.Domain.CountAsync(Query.For<Article>().Filter(a => a.Title.StartsWith("Refused ")), cancellationToken: Ct));
    }

    [Fact]
    public async Task Bulk_create_refuses_an_action_with_hooks_or_relationship_changes_naming_the_step_and_the_way_out()
    {
        var hooks = await Assert.ThrowsAnyAsync<AshlarException>(() => db.Domain.BulkCreateAsync<Article>([new { title = "hooked" }], new BulkCreateOptions { Action = "audited" }, Ct));
        var hook = Assert.IsType<UnsupportedFeature>(Assert.Single(hooks.Errors));
        Assert.Contains("before_action", hook.Message, StringComparison.Ordinal);
        Assert.Contains("CreateAsync", hook.Message, StringComparison.Ordinal);

        var relate = await Assert.ThrowsAnyAsync<AshlarException>(() => db.Domain.BulkCreateAsync<Article>([new { title = "related" }], new BulkCreateOptions { Action = "with_remarks" }, Ct));
        Assert.Contains("change relate", Assert.IsType<UnsupportedFeature>(Assert.Single(relate.Errors)).Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Domain.CountAsync(Query.For<Article>().Filter(a => a.Title == "hooked" || a.Title == "related"), cancellationToken: Ct));
    }
}
