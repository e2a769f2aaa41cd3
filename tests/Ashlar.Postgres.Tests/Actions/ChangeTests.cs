using Ashlar.Errors;
using Ashlar.Postgres.Tests.Actions.Model;
using Ashlar.Queries;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.Actions;

public sealed class ChangeTests(ActionsFixture db) : IClassFixture<ActionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<(long Id, string Body)>> RemarksOf(long article)
    {
        await using var command = db.DataSource.CreateCommand("SELECT id, body FROM remarks WHERE article_id = $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = article });
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(long, string)>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows;
    }

    [Fact]
    public async Task Set_to_an_expression_of_the_record_computes_the_slug_from_the_title()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "Hello Wide World" }, cancellationToken: Ct);

        Assert.Equal("hello-wide-world", article.Slug);
        Assert.Equal("hello-wide-world", (await db.Domain.GetAsync<Article>(article.Id, cancellationToken: Ct)).Slug);
    }

    [Fact]
    public async Task Set_and_set_from_argument_write_fixed_and_given_values()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "To close" }, cancellationToken: Ct);

        var closed = await db.Domain.UpdateAsync(article, new { reason = "duplicate" }, "close", cancellationToken: Ct);

        Assert.Equal(("closed", "duplicate"), (closed.Status, closed.ClosedReason));
    }

    [Fact]
    public async Task Increment_and_a_custom_change_reading_an_argument_add_to_the_stored_number()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "Counted", views = 10 }, cancellationToken: Ct);

        var once = await db.Domain.UpdateAsync(article, null, "bump", cancellationToken: Ct);
        var more = await db.Domain.UpdateAsync(once, new { by = 5 }, "bump", cancellationToken: Ct);

        Assert.Equal((11, 16), (once.Views, more.Views));
        Assert.Equal(16, (await db.Domain.GetAsync<Article>(article.Id, cancellationToken: Ct)).Views);
    }

    [Fact]
    public async Task An_action_with_logic_makes_its_declared_atomic_change_in_the_same_update_from_the_stored_row()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "tallied", views = 5 }, cancellationToken: Ct);
        await db.Domain.UpdateAsync(article, null, "bump", cancellationToken: Ct);

        // The record passed still holds 5 views; the atomic change adds to the stored 6, in the UPDATE itself.
        var tallied = await db.Domain.UpdateAsync(article, new { note = "counted" }, "tally", cancellationToken: Ct);

        Assert.Equal((16, "counted"), (tallied.Views, tallied.ClosedReason));
        var stored = await db.Domain.GetAsync<Article>(article.Id, cancellationToken: Ct);
        Assert.Equal((16, "counted"), (stored.Views, stored.ClosedReason));

        var given = await db.Domain.UpdateAsync(stored, new Ashlar.Changesets.Changes<Article>(new { note = "again" }).Atomic(x => x.Slug, x => x.Title + "-slug"),
            "tally", cancellationToken: Ct);
        Assert.Equal((26, "tallied-slug", "again"), (given.Views, given.Slug, given.ClosedReason));
    }

    [Fact]
    public async Task A_refused_validation_of_an_action_with_an_atomic_change_writes_nothing()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "untallied", views = 1 }, cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(article, new { note = "refused" }, "tally", cancellationToken: Ct));

        Assert.Equal("closed_reason", Assert.IsType<InvalidAttribute>(Assert.Single(refused.Errors)).Field);
        Assert.Equal(1, (await db.Domain.GetAsync<Article>(article.Id, cancellationToken: Ct)).Views);
    }

    [Fact]
    public async Task A_custom_change_with_a_condition_runs_only_when_it_holds()
    {
        var open = await db.Domain.CreateAsync<Article>(new { title = "quiet words" }, cancellationToken: Ct);
        Assert.Equal("QUIET WORDS", (await db.Domain.UpdateAsync(open, null, "shout", cancellationToken: Ct)).Title);

        var closed = await db.Domain.UpdateAsync(await db.Domain.CreateAsync<Article>(new { title = "closed words" }, cancellationToken: Ct),
            new { reason = "done" }, "close", cancellationToken: Ct);
        Assert.Equal("closed words", (await db.Domain.UpdateAsync(closed, null, "shout", cancellationToken: Ct)).Title);
    }

    [Fact]
    public async Task Relate_and_unrelate_a_belongs_to_by_key_set_and_clear_the_foreign_key()
    {
        var writer = await db.Domain.CreateAsync<Writer>(new { name = "Wren" }, cancellationToken: Ct);

        var article = await db.Domain.CreateAsync<Article>(new { title = "Written", writer = writer.Id }, "with_remarks", cancellationToken: Ct);
        Assert.Equal(writer.Id, article.WriterId);

        var unassigned = await db.Domain.UpdateAsync(article, new { writer = writer.Id }, "unassign", cancellationToken: Ct);
        Assert.Null(unassigned.WriterId);
    }

    [Fact]
    public async Task Relate_and_unrelate_a_has_many_by_key_point_the_related_record_at_the_record()
    {
        var article = await db.Domain.CreateAsync<Article>(new { title = "Adopter" }, cancellationToken: Ct);
        var orphan = await db.Domain.CreateAsync<Remark>(new { body = "orphan" }, cancellationToken: Ct);

        await db.Domain.UpdateAsync(article, new { remark = orphan.Id }, "adopt", cancellationToken: Ct);
        Assert.Equal([(orphan.Id, "orphan")], await RemarksOf(article.Id));

        await db.Domain.UpdateAsync(article, new { remark = orphan.Id, release = true }, "adopt", cancellationToken: Ct);
        Assert.Empty(await RemarksOf(article.Id));

        var missing = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(article, new { remark = -5L }, "adopt", cancellationToken: Ct));
        Assert.Contains(missing.Errors, e => e is NotFound { Field: "remarks" });
    }

    [Fact]
    public async Task Manage_creates_updates_and_destroys_the_has_many_list_from_input()
    {
        var article = await db.Domain.CreateAsync<Article>(
            new { title = "Managed", remarks = new object[] { new { body = "one" }, new { body = "two" } } }, "with_remarks", cancellationToken: Ct);
        var created = await RemarksOf(article.Id);
        Assert.Equal(["one", "two"], created.Select(r => r.Body));

        await db.Domain.UpdateAsync(article, new { remarks = new object[] { new { id = created[0].Id, body = "one, edited" }, new { body = "three" } } },
            "edit_remarks", cancellationToken: Ct);

        var after = await RemarksOf(article.Id);
        Assert.Equal(["one, edited", "three"], after.Select(r => r.Body));
        Assert.Equal(created[0].Id, after[0].Id);
        Assert.Null(await db.Domain.FindAsync<Remark>(created[1].Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_refused_child_rolls_back_the_parent_and_its_other_children()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Article>(
            new { title = "Half managed", remarks = new object[] { new { body = "fine" }, new { body = "" } } }, "with_remarks", cancellationToken: Ct));

        Assert.Contains(error.Errors, e => e is InvalidAttribute { Resource: "Remark", Field: "body" });
        Assert.Empty(await db.Domain.ReadAsync(Query.For<Article>().Filter(a => a.Title == "Half managed"), cancellationToken: Ct));
        Assert.Empty(await db.Domain.ReadAsync(Query.For<Remark>().Filter(r => r.Body == "fine"), cancellationToken: Ct));
    }
}
