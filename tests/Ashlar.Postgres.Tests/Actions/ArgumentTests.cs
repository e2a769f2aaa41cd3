using System.Text.Json;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.Actions.Model;
using Xunit;

namespace Ashlar.Postgres.Tests.Actions;

public sealed class ArgumentTests(ActionsFixture db) : IClassFixture<ActionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Article> New(string title) => db.Domain.CreateAsync<Article>(new { title }, cancellationToken: Ct);

    [Fact]
    public async Task An_argument_is_cast_and_checked_and_stored_only_by_the_change_that_stores_it()
    {
        var article = await New("Argued");

        var closed = await db.Domain.UpdateAsync(article, new { reason = "done here", priority = "2" }, "close", cancellationToken: Ct);

        Assert.Equal("done here", closed.ClosedReason);
        Assert.Equal("closed", closed.Status);
        var stored = await db.Domain.GetAsync<Article>(article.Id, cancellationToken: Ct);
        Assert.Equal("done here", stored.ClosedReason);
    }

    [Fact]
    public async Task Argument_errors_are_typed_named_and_reported_together_with_nothing_written()
    {
        var article = await New("Refused arguments");

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(article,
            new { priority = "high", channel = "fax", nope = 1, title = "sneaky" }, "close", cancellationToken: Ct));

        Assert.Contains(error.Errors, e => e is Required { Field: "reason", Resource: "Article" });
        Assert.Contains(error.Errors, e => e is InvalidArgument { Field: "priority" } i && i.Message.Contains("cannot cast", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e is InvalidArgument { Field: "channel" } i && i.Message.Contains("one of mail, phone", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e is NoSuchInput { Field: "nope" });
        Assert.Contains(error.Errors, e => e is NoSuchInput { Field: "title" });
        Assert.Equal("draft", (await db.Domain.GetAsync<Article>(article.Id, cancellationToken: Ct)).Status);
    }

    [Fact]
    public async Task Argument_constraints_refuse_too_long_text_and_numbers_out_of_bounds()
    {
        var article = await New("Bounded arguments");

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(article,
            new { reason = new string('a', 21), priority = 9 }, "close", cancellationToken: Ct));

        Assert.Contains(error.Errors, e => e is InvalidArgument { Field: "reason" } i && i.Message.Contains("less than or equal to 20", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e is InvalidArgument { Field: "priority" } i && i.Message.Contains("less than or equal to 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Arguments_come_from_json_and_dictionaries_like_attributes()
    {
        var first = await New("Json argued");
        using var json = JsonDocument.Parse("""{"reason":"from json","priority":2,"channel":"mail"}""");
        Assert.Equal("from json", (await db.Domain.UpdateAsync(first, json.RootElement, "close", cancellationToken: Ct)).ClosedReason);

        var second = await New("Dictionary argued");
        var input = new Dictionary<string, object?> { ["reason"] = "from a map", ["channel"] = "phone" };
        Assert.Equal("from a map", (await db.Domain.UpdateAsync(second, input, "close", cancellationToken: Ct)).ClosedReason);

        var third = await New("Json refused");
        using var bad = JsonDocument.Parse("""{"reason":42}""");
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(third, bad.RootElement, "close", cancellationToken: Ct));
        Assert.Contains(error.Errors, e => e is InvalidArgument { Field: "reason" });
    }
}
