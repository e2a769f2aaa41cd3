using System.Linq.Expressions;
using System.Text.Json;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries.Manual;

/// <summary>
/// A SQL-joinable manual relationship inside queries (AshPostgres' manual-relationship tests, ported: filtering
/// through it, aggregating over it, paths through it first, last and in the middle), each checked for rows and SQL;
/// a code-loaded one refused with a typed error.
/// </summary>
public sealed class ManualRelationshipQueryTests(ManualFixture db) : IClassFixture<ManualFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(long[] Ids, string Sql)> Stories(Query<Story> query)
    {
        var rows = new List<Story>();
        var statements = await db.Sql.During(async () => rows = [.. await db.Domain.ReadAsync(query, cancellationToken: Ct)]);
        return ([.. rows.Select(s => s.Id)], Assert.Single(statements));
    }

    private Task<(long[] Ids, string Sql)> Stories(Expression<Func<Story, bool>> filter) => Stories(Query.For<Story>().Filter(filter).Sort(s => s.Id));

    private async Task<long[]> Notes(Expression<Func<Note, bool>> filter) =>
        [.. (await db.Domain.ReadAsync(Query.For<Note>().Filter(filter).Sort(n => n.Id), cancellationToken: Ct)).Select(n => n.Id)];

    [Fact]
    public async Task Any_through_a_manual_relationship_is_an_exists_on_its_join_condition()
    {
        var (ids, sql) = await Stories(s => s.NotesContainingTitle!.Any(n => n.Title == "title2"));
        Assert.Equal([1L], ids);
        Assert.Contains(
            "WHERE EXISTS (SELECT 1 FROM \"public\".\"notes\" AS \"t1\" WHERE ((\"t1\".\"story_id\" = \"t0\".\"id\") AND (strpos((\"t1\".\"title\"), (\"t0\".\"title\")) > 0)) AND (\"t1\".\"title\" = $1))",
            sql, StringComparison.Ordinal);

        Assert.Equal(new long[] { 1, 2 }, (await Stories(s => s.NotesContainingTitle!.Any())).Ids);
        Assert.Equal(new long[] { 3 }, (await Stories(s => !Fn.Exists(s.NotesContainingTitle, n => n.Likes > 0))).Ids);
        Assert.Empty((await Stories(s => s.NotesContainingTitle!.Any(n => n.Title == "no match"))).Ids);
    }

    [Fact]
    public async Task Untrusted_filter_input_reaches_it_like_any_relationship()
    {
        using var input = JsonDocument.Parse("""{"notes_containing_title": {"title": "other thing"}}""");
        var (ids, sql) = await Stories(Query.For<Story>().FilterInput(input.RootElement).Sort(s => s.Id));
        Assert.Equal([2L], ids);
        Assert.Contains("strpos(", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_count_over_it_loads_filters_and_sorts()
    {
        var (ids, sql) = await Stories(Query.For<Story>().LoadAggregate(s => s.CountOfNotesContainingTitle).LoadAggregate(s => s.LikesOfNotesContainingTitle)
            .Sort(s => s.CountOfNotesContainingTitle, descending: true));
        Assert.Equal([1L, 2, 3], ids);
        Assert.Contains(
            "CAST((SELECT count(*) FROM \"public\".\"notes\" AS \"t1\" WHERE ((\"t1\".\"story_id\" = \"t0\".\"id\") AND (strpos((\"t1\".\"title\"), (\"t0\".\"title\")) > 0))) AS integer) AS \"count_of_notes_containing_title\"",
            sql, StringComparison.Ordinal);
        var stories = await db.Domain.ReadAsync(Query.For<Story>().Sort(s => s.Id).LoadAggregate(s => s.CountOfNotesContainingTitle).LoadAggregate(s => s.LikesOfNotesContainingTitle), cancellationToken: Ct);
        Assert.Equal([2, 1, 0], stories.Select(s => s.CountOfNotesContainingTitle));
        Assert.Equal([12, 2, null], stories.Select(s => s.LikesOfNotesContainingTitle));

        // With no data and with data, as AshPostgres checks.
        Assert.Equal(new long[] { 2 }, (await Stories(s => s.CountOfNotesContainingTitle == 1)).Ids);
        Assert.Equal(new long[] { 3 }, (await Stories(s => s.CountOfNotesContainingTitle == 0)).Ids);
    }

    [Fact]
    public async Task Inline_aggregates_over_it_count_the_related_rows_per_source()
    {
        Assert.Equal(new long[] { 1 }, (await Stories(s => s.NotesContainingTitle!.Count(n => n.Likes > 5) == 1)).Ids);
        Assert.Equal(new long[] { 1 }, (await Stories(s => s.NotesContainingTitle!.Sum(n => n.Likes) > 10)).Ids);
        Assert.Equal(2L, await db.Domain.CountAsync(Query.For<Story>().Filter(s => s.NotesContainingTitle!.Any()), cancellationToken: Ct));
        Assert.Equal(3, await db.Domain.AggregateAsync(Query.For<Story>(), a => a.Sum(s => s.CountOfNotesContainingTitle), cancellationToken: Ct));
        Assert.Equal(14, await db.Domain.AggregateAsync(Query.For<Story>().Filter(s => s.TopNote!.Likes > 0), a => a.Sum(s => s.NotesContainingTitle!.Sum(n => n.Likes)), cancellationToken: Ct));
    }

    [Fact]
    public async Task Paths_with_the_manual_relationship_last_or_in_the_middle()
    {
        // manual last: note -> story -> notes_containing_title
        Assert.Equal(new long[] { 1, 2, 4 }, await Notes(n => n.Story!.NotesContainingTitle!.Count() == 2));
        Assert.Equal(new long[] { 5, 6 }, await Notes(n => n.Story!.NotesContainingTitle!.Any(x => x.Title == "other thing")));

        // manual in the middle: note -> story -> notes_containing_title -> story
        Assert.Equal(new long[] { 1, 2, 4 }, await Notes(n => n.Story!.NotesContainingTitle!.Any(x => x.Story!.Title == "title")));
        Assert.Empty(await Notes(n => n.Story!.NotesContainingTitle!.Any(x => x.Story!.Title == "empty")));
    }

    [Fact]
    public async Task A_has_one_manual_filters_and_sorts_through_a_lateral_join()
    {
        var (ids, sql) = await Stories(Query.For<Story>().Filter(s => s.TopNote!.Likes > 1).Sort(s => s.TopNote!.Likes));
        Assert.Equal([2L, 1], ids);
        Assert.Contains(
            "LEFT JOIN LATERAL (SELECT \"t2\".* FROM \"public\".\"notes\" AS \"t2\" WHERE ((\"t2\".\"story_id\" = \"t0\".\"id\") AND (strpos((\"t2\".\"title\"), (\"t0\".\"title\")) > 0)) " +
            "ORDER BY \"t2\".\"likes\" DESC, \"t2\".\"id\" ASC LIMIT 1) AS \"t1\" ON TRUE WHERE (\"t1\".\"likes\" > $1) ORDER BY \"t1\".\"likes\" ASC",
            sql, StringComparison.Ordinal);
        Assert.Equal(new long[] { 1 }, (await Stories(s => s.TopNote!.Title == "another title")).Ids);
        Assert.Equal(new long[] { 2 }, (await Stories(Query.For<Story>().SortInput("-top_note.likes").Filter(s => s.TopNote!.Writer!.Name == "Bob"))).Ids);
    }

    [Fact]
    public async Task Keyset_pages_sort_by_an_aggregate_over_it_and_by_a_field_through_it()
    {
        foreach (var query in new[]
        {
            Query.For<Story>().Sort(s => s.CountOfNotesContainingTitle, descending: true),
            Query.For<Story>().Sort(s => s.TopNote!.Likes, descending: true),
            Query.For<Story>().Sort(s => s.NotesContainingTitle!.Count()),
        })
        {
            var expected = (await db.Domain.ReadAsync(query.Sort(s => s.Id), cancellationToken: Ct)).Select(s => s.Id).ToList();
            var seen = new List<long>();
            var page = await db.Domain.PageAsync(query, 1, cancellationToken: Ct);
            seen.AddRange(page.Records.Select(s => s.Id));
            while (page.HasMore)
            {
                page = await db.Domain.PageAsync(query, 1, after: page.NextCursor, cancellationToken: Ct);
                seen.AddRange(page.Records.Select(s => s.Id));
            }

            Assert.Equal(expected, seen);
            Assert.Equal(3, seen.Distinct().Count());
        }
    }

    [Fact]
    public async Task A_code_loaded_relationship_in_a_filter_sort_or_aggregate_is_a_typed_error_naming_it()
    {
#pragma warning disable CA1826 // Count() is translated to SQL here, not run on a list.
        var uses = new Func<Task>[]
        {
            () => db.Domain.ReadAsync(Query.For<Story>().Filter(s => s.Featured!.Any()), cancellationToken: Ct),
            () => db.Domain.ReadAsync(Query.For<Story>().Filter(s => s.Featured!.Count() > 1), cancellationToken: Ct),
            () => db.Domain.ReadAsync(Query.For<Story>().Sort(s => s.Spotlight!.Likes), cancellationToken: Ct),
            () => db.Domain.ReadAsync(Query.For<Story>().Filter(s => s.Spotlight!.Title == "x"), cancellationToken: Ct),
            () => db.Domain.ReadAsync(Query.For<Note>().Filter(n => n.Story!.Featured!.Any()), cancellationToken: Ct),
            () => db.Domain.ReadAsync(Query.For<Story>().SortInput("spotlight.likes"), cancellationToken: Ct),
            () => db.Domain.ReadAsync(Query.For<Story>().FilterInput(JsonDocument.Parse("""{"featured": {"likes": 1}}""").RootElement), cancellationToken: Ct),
            () => db.Domain.AggregateAsync(Query.For<Story>(), a => a.Sum(s => s.Featured!.Count()), cancellationToken: Ct),
        };
#pragma warning restore CA1826
        foreach (var use in uses)
        {
            var sent = await db.Sql.During(async () =>
            {
                var error = await Assert.ThrowsAsync<InvalidException>(use);
                var reference = Assert.IsType<InvalidFilterReference>(Assert.Single(error.Errors));
                Assert.Matches("Story\\.(featured|spotlight) is a manual relationship loaded by code \\((Featured|Spotlight)Loader\\); it has no SQL join", reference.Message);
            });
            Assert.Empty(sent);
        }
    }
}
