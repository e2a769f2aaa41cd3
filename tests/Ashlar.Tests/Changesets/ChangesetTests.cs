using System.Text.Json;
using Ashlar.Actions;
using Ashlar.Changesets;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Tests.Resources;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Ashlar.Tests.Changesets;

public sealed class ChangesetTests
{
    private static readonly DomainModel Blog = DomainModel.Build("blog", d => d.Resource<Author>().Resource<Post>());

    private static Changeset Create(object input, string? action = null) =>
        Changeset.ForCreate(Blog.Resource<Post>(), Blog.Resource<Post>().Action(ActionKind.Create, action)!, input, TimeProvider.System);

    [Fact]
    public void Missing_required_attribute_is_reported_on_its_field_before_any_sql()
    {
        var changeset = Create(new { score = 1 });

        var error = Assert.Single(changeset.Errors);
        Assert.IsType<Required>(error);
        Assert.Equal(("Post", "title"), (error.Resource, error.Field));
        Assert.Equal("Post.title: is required", error.ToString());
    }

    [Fact]
    public void Defaults_fill_what_the_input_leaves_out()
    {
        var values = Create(new { title = "Hi" }).Values.ToDictionary(v => v.Attribute.Name, v => v.Value);

        Assert.Equal(0, values["score"]);
        Assert.Equal(Mood.Happy, values["mood"]);
        Assert.Equal(7, ((Guid)values["id"]!).Version);
        Assert.IsType<DateTimeOffset>(values["inserted_at"]);
    }

    [Fact]
    public void Values_are_cast_from_strings_json_and_other_numeric_types()
    {
        using var json = JsonDocument.Parse("""{"title": "From JSON", "score": 5, "mood": "very_sad", "author_id": "0a2f8bb4-8c71-4bd6-9d21-b2d5d2a5c1ef"}""");
        var values = Create(json.RootElement).Values.ToDictionary(v => v.Attribute.Name, v => v.Value);

        Assert.Equal("From JSON", values["title"]);
        Assert.Equal(5, values["score"]);
        Assert.Equal(Mood.VerySad, values["mood"]);
        Assert.Equal(Guid.Parse("0a2f8bb4-8c71-4bd6-9d21-b2d5d2a5c1ef"), values["author_id"]);
        Assert.Equal(7, Create(new { title = "x", score = 7L }).Values.Single(v => v.Attribute.Name == "score").Value);
    }

    [Fact]
    public void A_value_that_cannot_be_cast_names_the_field()
    {
        var error = Assert.Single(Create(new { title = "x", author_id = "not-a-guid" }).Errors);

        Assert.IsType<InvalidAttribute>(error);
        Assert.Equal("author_id", error.Field);
        Assert.Contains("cannot cast \"not-a-guid\" to uuid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fractions_are_not_silently_truncated_into_integers()
    {
        var error = Assert.Single(Create(new { title = "x", score = 1.5 }).Errors);
        Assert.Equal("score", error.Field);
    }

    [Fact]
    public void Inputs_outside_the_accept_list_are_refused()
    {
        var errors = Create(new { title = "x", score = 3 }, "draft").Errors;

        var error = Assert.Single(errors);
        Assert.IsType<NoSuchInput>(error);
        Assert.Contains("accepts title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constraints_are_checked_and_every_error_is_collected()
    {
        var errors = Create(new { title = (string?)null, score = -1, nonsense = 1 }).Errors;

        Assert.Contains(errors, e => e is InvalidAttribute && e.Field == "score" && e.Message == "must be greater than or equal to 0");
        Assert.Contains(errors, e => e is NoSuchInput && e.Field == "nonsense");
        Assert.Contains(errors, e => e is Required && e.Field == "title");
        var exception = Assert.Throws<InvalidException>(() => Create(new { score = -1 }).ThrowIfInvalid());
        Assert.Equal(2, exception.Errors.Count);
    }

    [Fact]
    public void Update_timestamps_move_on_every_update_that_changes_a_value()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var post = Blog.Resource<Post>();
        var changeset = Changeset.ForUpdate(post, post.Action(ActionKind.Update)!, new Post { Score = 1 }, new { score = 2 }, clock);

        var values = changeset.Values.ToDictionary(v => v.Attribute.Name, v => v.Value);
        Assert.Equal(clock.GetUtcNow(), values["updated_at"]);
        Assert.False(values.ContainsKey("inserted_at"));
    }

    [Fact]
    public void Values_a_record_already_holds_are_not_changes_and_leave_updated_at_alone()
    {
        var post = Blog.Resource<Post>();
        var record = new Post { Title = "Same", Score = 3, Mood = Mood.Happy };
        var update = post.Action(ActionKind.Update)!;

        Assert.False(Changeset.ForUpdate(post, update, record, null, TimeProvider.System).HasChanges);
        Assert.False(Changeset.ForUpdate(post, update, record, new { }, TimeProvider.System).HasChanges);
        Assert.False(Changeset.ForUpdate(post, update, record, new { title = "Same", score = 3L, mood = "happy" }, TimeProvider.System).HasChanges);
        var changed = Changeset.ForUpdate(post, update, record, new { title = "Same", score = 4 }, TimeProvider.System);
        Assert.Equal(["score", "updated_at"], changed.Values.Select(v => v.Attribute.Name));
    }
}
