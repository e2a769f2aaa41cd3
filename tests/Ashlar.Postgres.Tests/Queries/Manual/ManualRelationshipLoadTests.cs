using Ashlar.Errors;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries.Manual;

/// <summary>
/// Loading manual relationships (AshPostgres' comments_containing_title, ported): one statement per load level for
/// every parent at once, the join condition in place of a key; code-loaded ones with one loader call per level.
/// </summary>
public sealed class ManualRelationshipLoadTests(ManualFixture db) : IClassFixture<ManualFixture>
{
    private const string ReadStories = "SELECT \"t0\".\"id\", \"t0\".\"title\", \"t0\".\"writer_id\" FROM \"public\".\"stories\" AS \"t0\" ORDER BY \"t0\".\"id\" ASC";

    private const string NoteColumns = "\"t0\".\"id\", \"t0\".\"title\", \"t0\".\"likes\", \"t0\".\"story_id\", \"t0\".\"writer_id\"";

    private const string JoinCondition = "((\"t0\".\"story_id\" = \"t1\".\"id\") AND (strpos((\"t0\".\"title\"), (\"t1\".\"title\")) > 0))";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long[][] Ids(IEnumerable<Story> stories, Func<Story, IEnumerable<Note>?> notes) =>
        [.. stories.Select(s => notes(s)!.Select(n => n.Id).Order().ToArray())];

    [Fact]
    public async Task A_has_many_manual_loads_every_parent_in_one_statement_joined_by_its_condition()
    {
        IReadOnlyList<Story> stories = [];
        var sql = await db.Sql.During(async () => stories = await db.Domain.ReadAsync(
            Query.For<Story>().Sort(s => s.Id).Load(s => s.NotesContainingTitle), cancellationToken: Ct));

        Assert.Equal([[1L, 4], [5], []], Ids(stories, s => s.NotesContainingTitle));
        Assert.Equal(
            [
                ReadStories,
                $"SELECT \"t1\".\"id\", {NoteColumns} FROM \"public\".\"notes\" AS \"t0\" CROSS JOIN \"public\".\"stories\" AS \"t1\" WHERE \"t1\".\"id\" = ANY($1) AND {JoinCondition}",
            ],
            sql);
    }

    [Fact]
    public async Task A_load_with_its_own_sort_and_limit_cuts_per_parent_in_one_lateral_statement()
    {
        IReadOnlyList<Story> stories = [];
        var sql = await db.Sql.During(async () => stories = await db.Domain.ReadAsync(
            Query.For<Story>().Sort(s => s.Id).Load(s => s.NotesContainingTitle, n => n.Filter(x => x.Likes > 1).Sort(x => x.Likes).Limit(1)),
            cancellationToken: Ct));

        Assert.Equal([[1L], [5], []], Ids(stories, s => s.NotesContainingTitle));
        Assert.Equal(2, sql.Count);
        Assert.Equal(
            $"SELECT \"k\".\"key\", \"d\".* FROM unnest($1) AS \"k\"(\"key\") CROSS JOIN LATERAL (SELECT {NoteColumns} FROM \"public\".\"notes\" AS \"t0\" " +
            $"CROSS JOIN \"public\".\"stories\" AS \"t1\" WHERE \"t1\".\"id\" = \"k\".\"key\" AND ({JoinCondition} AND (\"t0\".\"likes\" > $2)) ORDER BY \"t0\".\"likes\" ASC LIMIT 1) AS \"d\"",
            sql[1]);
    }

    [Fact]
    public async Task A_has_one_manual_loads_the_first_match_in_its_sort_or_nothing()
    {
        IReadOnlyList<Story> stories = [];
        var sql = await db.Sql.During(async () => stories = await db.Domain.ReadAsync(Query.For<Story>().Sort(s => s.Id).Load(s => s.TopNote), cancellationToken: Ct));

        Assert.Equal([4L, 5, null], stories.Select(s => s.TopNote?.Id));
        Assert.Equal(2, sql.Count);
        Assert.EndsWith($"ORDER BY \"t0\".\"likes\" DESC, \"t0\".\"id\" ASC LIMIT 1) AS \"d\"", sql[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loads_nest_below_a_manual_relationship_and_paths_pass_through_it_one_statement_per_level()
    {
        IReadOnlyList<Story> stories = [];
        var below = await db.Sql.During(async () => stories = await db.Domain.ReadAsync(
            Query.For<Story>().Sort(s => s.Id).Load(s => s.NotesContainingTitle, n => n.Load(x => x.Writer)), cancellationToken: Ct));
        Assert.Equal([["Ada", "Bob"], ["Bob"], []], stories.Select(s => s.NotesContainingTitle!.Select(n => n.Writer!.Name).Order().ToArray()));
        Assert.Equal(3, below.Count);
        Assert.StartsWith("SELECT \"t0\".\"id\", \"t0\".\"id\", \"t0\".\"name\" FROM \"public\".\"writers\"", below[2], StringComparison.Ordinal);

        // writer -> stories -> notes_containing_title -> writer: the manual level is one statement between the others.
        IReadOnlyList<Writer> writers = [];
        var through = await db.Sql.During(async () => writers = await db.Domain.ReadAsync(
            Query.For<Writer>().Sort(w => w.Id).Load(w => w.Stories, s => s.Load(x => x.NotesContainingTitle, n => n.Load(x => x.Writer))), cancellationToken: Ct));
        Assert.Equal(4, through.Count);
        Assert.Contains("CROSS JOIN \"public\".\"stories\"", through[2], StringComparison.Ordinal);
        Assert.Equal(
            ["Ada:", "Ada:Bob,Ada", "Bob:Bob"],
            writers.SelectMany(w => w.Stories!.OrderBy(s => s.Id).Select(s => $"{w.Name}:{string.Join(",", s.NotesContainingTitle!.OrderBy(n => n.Id).Select(n => n.Writer!.Name))}")).Order().ToArray());
    }

    [Fact]
    public async Task A_code_loaded_relationship_calls_its_loader_once_per_level_and_nests_sql_loads_below_it()
    {
        while (Story.Loader.Calls.TryDequeue(out _))
        {
        }

        IReadOnlyList<Story> stories = [];
        var sql = await db.Sql.During(async () => stories = await db.Domain.ReadAsync(
            Query.For<Story>().Sort(s => s.Id).Load(s => s.Featured, f => f.Load(n => n.Writer)).Load(s => s.Spotlight), cancellationToken: Ct));

        Assert.Equal([[1L, 2, 3]], Story.Loader.Calls.ToArray());
        Assert.Equal([[1001L], [], [1003]], Ids(stories, s => s.Featured));
        Assert.Equal(["Bob", "Bob"], stories.SelectMany(s => s.Featured!).Select(n => n.Writer!.Name));
        Assert.Equal([null, 2002L, null], stories.Select(s => s.Spotlight?.Id));

        // The read and the writers below the loaded notes; nothing for the loader's level.
        Assert.Equal(2, sql.Count);
        Assert.Contains("FROM \"public\".\"writers\" AS \"t0\" WHERE \"t0\".\"id\" = ANY($1)", sql[1], StringComparison.Ordinal);

        // Below a SQL level, the loader gets the whole level at once.
        while (Story.Loader.Calls.TryDequeue(out _))
        {
        }

        await db.Domain.ReadAsync(Query.For<Writer>().Load(w => w.Stories, s => s.Load(x => x.Featured)), cancellationToken: Ct);
        Assert.Equal([1L, 2, 3], Assert.Single(Story.Loader.Calls).Order());
    }

    [Fact]
    public async Task A_load_of_a_code_loaded_relationship_cannot_filter_or_sort_what_the_loader_returns()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(
            Query.For<Story>().Load(s => s.Featured, f => f.Filter(n => n.Likes > 1)), cancellationToken: Ct));
        Assert.Contains("Story.featured", error.Message, StringComparison.Ordinal);
        Assert.Contains("no SQL join", error.Message, StringComparison.Ordinal);
    }
}
