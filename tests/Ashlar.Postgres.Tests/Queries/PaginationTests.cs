using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class PaginationTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long[]> Ids(Query<Post> query) => (await db.Domain.ReadAsync(query, cancellationToken: Ct)).Select(p => p.Id).ToArray();

    [Fact]
    public async Task Sorts_follow_to_one_relationships_with_nils_placed()
    {
        var query = Query.For<Post>().Sort(p => p.Author!.Name, descending: true, nullsFirst: false).Sort(p => p.Id);

        Assert.EndsWith("ORDER BY \"t1\".\"name\" DESC NULLS LAST, \"t0\".\"id\" ASC", db.Domain.ToSql(query), StringComparison.Ordinal);
        Assert.Equal<long[]>([5L, 3, 4, 1, 2, 6], await Ids(query));
        Assert.Equal<long[]>([6L, 1, 2, 3, 4, 5], await Ids(Query.For<Post>().Sort(p => p.Author!.Name, nullsFirst: true).Sort(p => p.Id)));
    }

    [Fact]
    public async Task A_read_with_sort_values_returns_each_records_values_of_the_sort_expressions_in_the_contract()
    {
        var query = Query.For<Post>().Filter(p => p.Id <= 3).Sort(p => p.Author!.Name, descending: true).Sort(p => p.Id);
        var plan = new QueryPlanner(db.Domain.Model, db.Domain.Model.InputLimits).Read(db.Domain.Model.Resource<Post>(), query, null);

        var read = await db.Domain.DataLayer.ReadWithSortValuesAsync<Post>(plan, Ct);

        Assert.Equal<long[]>([3L, 1, 2], read.Records.Select(p => p.Id).ToArray());
        Assert.Equal(["Bob,3", "Ada,1", "Ada,2"], read.SortValues.Select(values => string.Join(",", values)));
    }

    [Fact]
    public async Task Distinct_keeps_the_first_record_of_each_group_in_sort_order()
    {
        var leading = Query.For<Post>().Distinct(p => p.AuthorId).Sort(p => p.AuthorId).Sort(p => p.Score, descending: true);
        Assert.StartsWith("SELECT DISTINCT ON (\"t0\".\"author_id\") \"t0\".\"id\"", db.Domain.ToSql(leading), StringComparison.Ordinal);
        Assert.EndsWith("ORDER BY \"t0\".\"author_id\" ASC, \"t0\".\"score\" DESC", db.Domain.ToSql(leading), StringComparison.Ordinal);
        Assert.Equal<long[]>([1L, 3, 5, 6], await Ids(leading));

        var resorted = Query.For<Post>().Distinct(p => p.AuthorId).Sort(p => p.Score, descending: true).Sort(p => p.Id).Limit(3);
        Assert.EndsWith(
            "ORDER BY \"t0\".\"author_id\" ASC, \"t0\".\"score\" DESC, \"t0\".\"id\" ASC) AS \"t0\" ORDER BY \"t0\".\"ashlar_sort_1\" DESC, \"t0\".\"ashlar_sort_2\" ASC LIMIT $1",
            db.Domain.ToSql(resorted), StringComparison.Ordinal);
        Assert.Equal<long[]>([1L, 3, 5], await Ids(resorted));

        // The outer query re-sorts by values the inner one selected, so a sort through a to-one path works too.
        var byAuthorName = Query.For<Post>().Distinct(p => p.AuthorId).Sort(p => p.Author!.Name, descending: true, nullsFirst: false).Sort(p => p.Id);
        Assert.Equal<long[]>([5L, 3, 1, 6], await Ids(byAuthorName));
    }

    [Fact]
    public async Task Select_reads_only_the_chosen_attributes_and_the_key()
    {
        var query = Query.For<Post>().Select(p => p.Title).Filter(p => p.Id == 1);

        Assert.StartsWith("SELECT \"t0\".\"id\", \"t0\".\"title\" FROM", db.Domain.ToSql(query), StringComparison.Ordinal);
        var post = Assert.Single(await db.Domain.ReadAsync(query, cancellationToken: Ct));
        Assert.Equal(("Hello World", 0, (long?)null), (post.Title, post.Score, post.AuthorId));
    }

    [Fact]
    public async Task Offset_pages_report_more_and_the_total_count()
    {
        var page = await db.Domain.PageAsync(Query.For<Post>().Filter(p => p.Score > 1).Sort(p => p.Id), limit: 2, offset: 2, count: true, cancellationToken: Ct);

        Assert.Equal([3L, 5], page.Records.Select(p => p.Id));
        Assert.True(page.HasMore);
        Assert.Equal(5, page.Count);
    }

    public static TheoryData<string, int> Orders => new()
    {
        { "-score", 2 }, { "-score", 1 }, { "rating", 4 }, { "rating", 1 }, { "--rating", 1 }, { "++rating", 4 }, { "-rating", 2 },
        { "author_id,-rating", 1 }, { "++author_id,++rating", 3 },

        // Keys that are not attributes of the record: related fields, aggregates, calculations.
        { "--author.name", 1 }, { "++author.name,-score", 2 }, { "-comment_count", 1 }, { "comment_count,--avg_likes", 2 },
        { "-boosted", 2 }, { "byline", 1 }, { "++author.nickname,-comment_count", 1 },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Keyset_pages_walk_every_record_once_across_ties_and_nils(string sort, int size)
    {
        var query = Query.For<Post>().SortInput(sort);
        var expected = await Ids(query.Sort(p => p.Id));
        var seen = new List<long>();
        string? cursor = null;
        for (var i = 0; i < 10; i++)
        {
            var page = await db.Domain.PageAsync(query, size, after: cursor, cancellationToken: Ct);
            seen.AddRange(page.Records.Select(p => p.Id));
            cursor = page.NextCursor;
            if (!page.HasMore)
            {
                break;
            }
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Keyset_pages_continue_after_expressions_and_inline_aggregates_computed_in_the_same_read()
    {
        var query = Query.For<Post>().Sort(p => p.Comments!.Count(c => !c.Hidden), descending: true).Sort(p => p.Score % 3);
        var expected = await Ids(query.Sort(p => p.Id));
        var seen = new List<long>();
        var page = await db.Domain.PageAsync(query, 2, cancellationToken: Ct);
        var statements = db.Domain.Postgres().CommandCount;
        seen.AddRange(page.Records.Select(p => p.Id));
        while (page.HasMore)
        {
            page = await db.Domain.PageAsync(query, 2, after: page.NextCursor, cancellationToken: Ct);
            seen.AddRange(page.Records.Select(p => p.Id));
        }

        Assert.Equal(expected, seen);
        Assert.Equal(2, db.Domain.Postgres().CommandCount - statements);
    }

    [Fact]
    public async Task A_sort_key_of_unknown_type_is_refused_for_keyset_pages_with_the_fix()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() =>
            db.Domain.PageAsync(Query.For<Post>().Sort(p => Fn.Fragment<object>("random()")), 2, cancellationToken: Ct));

        Assert.Contains("use offset pagination", Assert.IsType<InvalidFilterReference>(Assert.Single(error.Errors)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyset_pages_carry_nan_and_infinite_floats_in_their_cursors()
    {
        var query = Query.For<Post>().Sort(p => Fn.Fragment<double>("CASE WHEN ? > 5 THEN 'NaN'::float8 WHEN ? = 1 THEN '-Infinity'::float8 ELSE ?::float8 END", p.Score, p.Score, p.Score));
        var expected = await Ids(query.Sort(p => p.Id));
        var seen = new List<long>();
        var page = await db.Domain.PageAsync(query, 2, cancellationToken: Ct);
        seen.AddRange(page.Records.Select(p => p.Id));
        while (page.HasMore)
        {
            page = await db.Domain.PageAsync(query, 2, after: page.NextCursor, cancellationToken: Ct);
            seen.AddRange(page.Records.Select(p => p.Id));
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Keyset_pages_refuse_distinct_which_would_repeat_groups()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() =>
            db.Domain.PageAsync(Query.For<Post>().Distinct(p => p.AuthorId).Sort(p => p.Score, descending: true), 1, cancellationToken: Ct));

        Assert.Contains("use offset pagination", Assert.IsType<InvalidFilterReference>(Assert.Single(error.Errors)).Message, StringComparison.Ordinal);
        var offsetPage = await db.Domain.PageAsync(Query.For<Post>().Distinct(p => p.AuthorId).Sort(p => p.AuthorId), 2, offset: 2, cancellationToken: Ct);
        Assert.Equal([5L, 6], offsetPage.Records.Select(p => p.Id));
    }

    [Fact]
    public async Task A_captured_value_whose_getter_throws_surfaces_its_own_exception()
    {
        var source = new ThrowingSource();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Score > source.Value), cancellationToken: Ct));
        Assert.Equal("boom", error.Message);
    }

    private sealed class ThrowingSource
    {
        public int Value => throw new InvalidOperationException("boom");
    }

    [Fact]
    public async Task A_tampered_cursor_is_an_invalid_value()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.PageAsync(Query.For<Post>(), 2, after: "WyInOyBEUk9QIFRBQkxFIHBvc3RzOyAtLSJd", cancellationToken: Ct));

        Assert.IsType<InvalidFilterValue>(Assert.Single(error.Errors));
    }
}
