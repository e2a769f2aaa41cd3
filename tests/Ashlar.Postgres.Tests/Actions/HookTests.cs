using Ashlar.Errors;
using Ashlar.Postgres.Tests.Actions.Model;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Actions;

public sealed class HookTests(ActionsFixture db) : IClassFixture<ActionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> Audits(long articleId) =>
        (await db.Domain.ReadAsync(Query.For<AuditEntry>().Filter(e => e.Message == $"created {articleId}"), cancellationToken: Ct)).Count;

    private async Task<int> AllAudits() => (await db.Domain.ReadAsync(Query.For<AuditEntry>(), cancellationToken: Ct)).Count;

    private async Task<int> Titled(string title) =>
        (await db.Domain.ReadAsync(Query.For<Article>().Filter(a => a.Title == title), cancellationToken: Ct)).Count;

    [Fact]
    public async Task A_before_action_hook_forces_a_value_and_an_after_action_hook_writes_in_the_same_transaction()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "hooked ok" }, "audited", cancellationToken: Ct);

        Assert.Equal("forced", article.Status);
        Assert.Equal(1, await Audits(article.Id));
    }

    [Fact]
    public async Task A_failing_after_action_hook_rolls_back_the_write_and_the_nested_action_and_surfaces_its_error()
    {
        var auditsBefore = await AllAudits();

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Article>(new { title = "hooked fail" }, "audited", cancellationToken: Ct));

        Assert.Equal(("title", "the audit refused it"), (Assert.Single(error.Errors).Field, error.Errors[0].Message));
        Assert.Equal(0, await Titled("hooked fail"));
        Assert.Equal(auditsBefore, await AllAudits());
        Assert.Equal((false, null, nameof(InvalidException)), Article.Outcomes["hooked fail"]);
    }

    [Fact]
    public async Task An_error_added_by_an_after_action_hook_rolls_back_the_write()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Article>(new { title = "hooked refuse" }, "audited", cancellationToken: Ct));

        Assert.Equal(("title", "refused after the write"), (Assert.Single(error.Errors).Field, error.Errors[0].Message));
        Assert.Equal(0, await Titled("hooked refuse"));
    }

    [Fact]
    public async Task An_after_transaction_hook_sees_the_committed_state()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "hooked committed" }, "audited", cancellationToken: Ct);

        // The hook read the record back on a pooled connection, outside the transaction: only a committed row is found.
        Assert.Equal((true, "forced", null), Article.Outcomes["hooked committed"]);
        Assert.Equal(1, await Audits(article.Id));
    }

    [Fact]
    public async Task Inside_an_outer_transaction_the_action_joins_it_and_after_transaction_hooks_wait_for_its_end()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Domain.TransactionAsync(async ct =>
        {
            var article = await db.Domain.CreateAsync<Article>(new { title = "hooked outer rollback" }, "audited", cancellationToken: ct);
            Assert.Equal("forced", (await db.Domain.GetAsync<Article>(article.Id, cancellationToken: ct)).Status);
            Assert.False(Article.Outcomes.ContainsKey("hooked outer rollback"));
            throw new InvalidOperationException("the outer work fails after the action");
        }, Ct));

        Assert.Equal("the outer work fails after the action", refused.Message);
        Assert.Equal(0, await Titled("hooked outer rollback"));
        Assert.Equal((false, null, nameof(InvalidOperationException)), Article.Outcomes["hooked outer rollback"]);

        await db.Domain.TransactionAsync(async ct =>
        {
            await db.Domain.CreateAsync<Article>(new { title = "hooked outer commit" }, "audited", cancellationToken: ct);
            Assert.False(Article.Outcomes.ContainsKey("hooked outer commit"));
        }, Ct);
        Assert.Equal((true, "forced", null), Article.Outcomes["hooked outer commit"]);
    }
}
