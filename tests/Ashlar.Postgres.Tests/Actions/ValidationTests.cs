using Ashlar.Errors;
using Ashlar.Postgres.Tests.Actions.Model;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.Actions;

public sealed class ValidationTests(ActionsFixture db) : IClassFixture<ActionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> CountTitled(string title)
    {
        await using var command = db.DataSource.CreateCommand("SELECT count(*) FROM articles WHERE title = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = title });
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task A_title_that_is_not_allowed_is_refused_with_the_field_and_a_message()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Article>(new { title = "not allowed" }, cancellationToken: Ct));

        var refused = Assert.Single(error.Errors);
        Assert.IsType<InvalidAttribute>(refused);
        Assert.Equal(("Article", "title", "must not equal not allowed"), (refused.Resource, refused.Field, refused.Message));
        Assert.Equal(0, await CountTitled("not allowed"));
    }

    [Fact]
    public async Task Every_failed_validation_of_one_call_is_reported_together()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Article>(
            new { title = "ab", views = -1, status = "closed", closed_reason = "why" }, "strict", cancellationToken: Ct));

        var byField = error.Errors.GroupBy(e => e.Field!).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToList());
        Assert.Equal(["must match the pattern ^[A-Z]", "must be 3 to 20 characters"], byField["title"]);
        Assert.Equal(["must be greater than or equal to 0"], byField["views"]);
        Assert.Equal(["must be one of draft, open"], byField["status"]);
        Assert.Equal(["must be absent"], byField["closed_reason"]);
        Assert.All(error.Errors, e => Assert.IsType<InvalidAttribute>(e));
    }

    [Fact]
    public async Task Present_compare_and_a_custom_validation_refuse_what_they_should_and_pass_the_rest()
    {
        var blank = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Article>(new { title = "" }, "strict", cancellationToken: Ct));
        Assert.Contains(blank.Errors, e => e is { Field: "title", Message: "must be present" });

        var tooMany = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Article>(new { title = "Viewed", views = 1000 }, "strict", cancellationToken: Ct));
        Assert.Equal("must be less than 1000", Assert.Single(tooMany.Errors).Message);

        var shouted = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Article>(new { title = "SHOUT" }, "strict", cancellationToken: Ct));
        Assert.Equal(("title", "must not be all capitals"), (Assert.Single(shouted.Errors).Field, shouted.Errors[0].Message));

        var fine = await db.Domain.CreateAsync<Article>(new { title = "Fine title", views = 5, status = "open" }, "strict", cancellationToken: Ct);
        Assert.Equal("open", fine.Status);
    }

    [Fact]
    public async Task A_validation_with_a_condition_runs_only_when_the_condition_holds()
    {
        var popular = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Article>(new { title = "Popular", views = 500, status = "open" }, "strict", cancellationToken: Ct));
        Assert.Equal(("status", "must equal draft"), (Assert.Single(popular.Errors).Field, popular.Errors[0].Message));

        var quiet = await db.Domain.CreateAsync<Article>(new { title = "Quiet", views = 50, status = "open" }, "strict", cancellationToken: Ct);
        Assert.Equal(50, quiet.Views);
    }

    [Fact]
    public async Task An_update_allowed_only_without_remarks_reads_the_related_records()
    {
        var bare = await db.Domain.CreateAsync<Article>(new { title = "No remarks yet" }, cancellationToken: Ct);
        var retitled = await db.Domain.UpdateAsync(bare, new { title = "Retitled" }, "retitle", cancellationToken: Ct);
        Assert.Equal("Retitled", retitled.Title);

        var noRemarks = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(retitled, new { status = "open" }, "remarked", cancellationToken: Ct));
        Assert.Equal(("remarks", "must have at least one of remarks"), (Assert.Single(noRemarks.Errors).Field, noRemarks.Errors[0].Message));

        var remarked = await db.Domain.CreateAsync<Article>(new { title = "Has remarks", remarks = new[] { new { body = "first" } } }, "with_remarks", cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(remarked, new { title = "Other" }, "retitle", cancellationToken: Ct));
        Assert.Equal(("remarks", "cannot be retitled once it has remarks"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Message));
        Assert.Equal(1, await CountTitled("Has remarks"));
        Assert.Equal("open", (await db.Domain.UpdateAsync(remarked, new { status = "open" }, "remarked", cancellationToken: Ct)).Status);
    }
}
