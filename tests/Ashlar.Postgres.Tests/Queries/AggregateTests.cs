using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;
using static Ashlar.Postgres.Tests.Queries.QueryAssert;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class AggregateTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string CountSql = "CAST((SELECT count(*) FROM \"public\".\"comments\" AS \"t1\" WHERE \"t1\".\"post_id\" = \"t0\".\"id\") AS integer)";

    [Fact]
    public async Task Loaded_aggregates_are_computed_in_the_same_query()
    {
        var query = Query.For<Post>().Filter(p => p.Id <= 4).Sort(p => p.Id)
            .LoadAggregate(p => p.CommentCount).LoadAggregate(p => p.VisibleLikes).LoadAggregate(p => p.AvgLikes).LoadAggregate(p => p.MaxLikes)
            .LoadAggregate(p => p.TopComment).LoadAggregate(p => p.CommentBodies).LoadAggregate(p => p.HasHiddenComments).LoadAggregate(p => p.CommenterCount);

        var sql = db.Domain.ToSql(query);
        Assert.Contains("CAST(COALESCE(\"a1\".\"v\", 0) AS integer) AS \"comment_count\", COALESCE(CAST(\"a2\".\"v\" AS integer), $1) AS \"visible_likes\"", sql, StringComparison.Ordinal);
        Assert.Contains(
            " LEFT JOIN (SELECT \"t3\".\"post_id\" AS \"k\", count(*) AS \"v\" FROM \"public\".\"comments\" AS \"t3\" WHERE \"t3\".\"post_id\" = ANY(ARRAY(SELECT \"t4\".\"id\" FROM \"public\".\"posts\" AS \"t4\" WHERE (\"t4\".\"id\" <= $2))) GROUP BY \"t3\".\"post_id\") AS \"a1\" ON \"a1\".\"k\" = \"t0\".\"id\"",
            sql, StringComparison.Ordinal);
        Assert.Contains("sum(\"t5\".\"likes\") AS \"v\" FROM \"public\".\"comments\" AS \"t5\" WHERE \"t5\".\"post_id\" = ANY(ARRAY(SELECT \"t6\".\"id\" FROM \"public\".\"posts\" AS \"t6\" WHERE (\"t6\".\"id\" <= $2))) AND (NOT \"t5\".\"hidden\") GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("(SELECT \"t1\".\"body\" FROM \"public\".\"comments\" AS \"t1\" WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND (NOT \"t1\".\"hidden\") AND \"t1\".\"body\" IS NOT NULL ORDER BY \"t1\".\"likes\" DESC LIMIT 1) AS \"top_comment\"", sql, StringComparison.Ordinal);
        Assert.Contains("EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t2\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\" AND \"t2\".\"hidden\") AS \"has_hidden_comments\"", sql, StringComparison.Ordinal);
        Assert.Contains("count(DISTINCT \"t13\".\"author_id\") AS \"v\"", sql, StringComparison.Ordinal);
        Assert.EndsWith(" WHERE (\"t0\".\"id\" <= $2) ORDER BY \"t0\".\"id\" ASC", sql, StringComparison.Ordinal);

        var posts = await db.Domain.ReadAsync(query, cancellationToken: Ct);
        Assert.Equal([3, 1, 1, 0], posts.Select(p => p.CommentCount));
        Assert.Equal([8, 1, 0, 0], posts.Select(p => p.VisibleLikes));
        Assert.Equal([2.67m, 1m, 2m, null], posts.Select(p => p.AvgLikes is { } a ? Math.Round(a, 2) : (decimal?)null));
        Assert.Equal([5, 1, 2, null], posts.Select(p => p.MaxLikes));
        Assert.Equal(["great", "meh", null, null], posts.Select(p => p.TopComment));
        Assert.Equal(["great,nice", "meh", "", ""], posts.Select(p => p.CommentBodies is null ? null : string.Join(",", p.CommentBodies)));
        Assert.Equal([true, false, true, false], posts.Select(p => p.HasHiddenComments));
        Assert.Equal([3, 1, 1, 0], posts.Select(p => p.CommenterCount));
    }

    [Fact]
    public async Task Grouped_aggregate_joins_match_the_correlated_form()
    {
        // Without a limit, loaded aggregates are grouped joins restricted by the read's filter; with one, correlated
        // subqueries. Both must give the same values, for every filter shape (none, to-one join, values, aggregates).
        long[] ids = [1, 2, 3, 4, 99];
        System.Linq.Expressions.Expression<Func<Post, bool>>[] filters =
        [
            p => p.Id > 0,
            p => p.Author!.Name != "nobody" && p.Score >= 0,
            p => p.CommentCount >= 1 || p.Title.Contains("%_'$1"),
            p => ids.Contains(p.Id) && p.Score >= 0,
            p => p.Id == 1 || p.Id == 3,
        ];
        foreach (var filter in filters.Select(f => (Func<Query<Post>, Query<Post>>)(q => q.Filter(f))).Append(q => q))
        {
            var query = filter(Query.For<Post>()).Sort(p => p.Id)
                .LoadAggregate(p => p.CommentCount).LoadAggregate(p => p.VisibleLikes).LoadAggregate(p => p.AvgLikes)
                .LoadAggregate(p => p.CommentBodies).LoadAggregate(p => p.CommenterCount);
            Assert.Contains("LEFT JOIN (SELECT", db.Domain.ToSql(query), StringComparison.Ordinal);
            Assert.DoesNotContain("LEFT JOIN (SELECT", db.Domain.ToSql(query.Limit(100)), StringComparison.Ordinal);
            var grouped = await db.Domain.ReadAsync(query, cancellationToken: Ct);
            var correlated = await db.Domain.ReadAsync(query.Limit(100), cancellationToken: Ct);
            Assert.NotEmpty(grouped);
            Assert.Equal(correlated.Select(Values), grouped.Select(Values));
        }

        static string Values(Post p) =>
            $"{p.Id}:{p.CommentCount}:{p.VisibleLikes}:{p.AvgLikes}:{(p.CommentBodies is null ? "null" : string.Join(",", p.CommentBodies))}:{p.CommenterCount}";
    }

    [Fact]
    public void Key_conditions_restrict_grouped_aggregates_directly_and_values_are_sent_once()
    {
        long[] ids = [1, 2];
        var sql = db.Domain.ToSql(Query.For<Post>().Filter(p => ids.Contains(p.Id) && p.Score > 0).Select(p => p.Id).LoadAggregate(p => p.CommentCount));

        Assert.Equal(
            "SELECT \"t0\".\"id\", CAST(COALESCE(\"a1\".\"v\", 0) AS integer) AS \"comment_count\" FROM \"public\".\"posts\" AS \"t0\" " +
            "LEFT JOIN (SELECT \"t1\".\"post_id\" AS \"k\", count(*) AS \"v\" FROM \"public\".\"comments\" AS \"t1\" WHERE (\"t1\".\"post_id\" = ANY($1)) GROUP BY \"t1\".\"post_id\") AS \"a1\" ON \"a1\".\"k\" = \"t0\".\"id\" " +
            "WHERE ((\"t0\".\"id\" = ANY($1)) AND (\"t0\".\"score\" > $2))",
            sql);
    }

    [Fact]
    public async Task Aggregates_can_be_filtered_and_sorted_on()
    {
        await Filters(db.Domain, p => p.CommentCount >= 1, $"({CountSql} >= $1)", 1, 2, 3);
        await Filters(db.Domain, p => p.HasHiddenComments && p.VisibleLikes > 1,
            "(EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t1\" WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND \"t1\".\"hidden\") AND (COALESCE(CAST((SELECT sum(\"t2\".\"likes\") FROM \"public\".\"comments\" AS \"t2\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\" AND (NOT \"t2\".\"hidden\")) AS integer), $1) > $2))",
            1);

        var sorted = Query.For<Post>().Sort(p => p.MaxLikes, descending: true, nullsFirst: false).Sort(p => p.Id);
        Assert.Equal([1L, 3, 2, 4, 5, 6], (await db.Domain.ReadAsync(sorted, cancellationToken: Ct)).Select(p => p.Id));
    }

    [Fact]
    public async Task A_list_aggregate_over_no_rows_is_an_empty_list_in_every_form()
    {
        // Post 4 has no visible comments: its list is empty, not nil, as a grouped join, a correlated subquery and
        // inside a relationship load.
        var query = Query.For<Post>().Filter(p => p.Id == 4).LoadAggregate(p => p.CommentBodies).LoadAggregate(p => p.MaxLikes);
        var grouped = Assert.Single(await db.Domain.ReadAsync(query, cancellationToken: Ct));
        var correlated = Assert.Single(await db.Domain.ReadAsync(query.Limit(1), cancellationToken: Ct));
        var authors = await db.Domain.ReadAsync(
            Query.For<Author>().Load(a => a.Posts, p => p.Filter(x => x.Id == 4).LoadAggregate(x => x.CommentBodies)), cancellationToken: Ct);
        var loaded = Assert.Single(authors.SelectMany(a => a.Posts ?? []));

        Assert.Empty(Assert.IsType<List<string>>(grouped.CommentBodies));
        Assert.Empty(Assert.IsType<List<string>>(correlated.CommentBodies));
        Assert.Empty(Assert.IsType<List<string>>(loaded.CommentBodies));
        Assert.Null(grouped.MaxLikes);
    }

    [Fact]
    public async Task Aggregates_load_inside_relationship_loads()
    {
        var authors = await db.Domain.ReadAsync(
            Query.For<Author>().Sort(a => a.Id).Load(a => a.Posts, p => p.Sort(x => x.Id).LoadAggregate(x => x.CommentCount)), cancellationToken: Ct);

        Assert.Equal([[3, 1], [1, 0], [0]], authors.Select(a => a.Posts!.Select(p => p.CommentCount ?? -1).ToArray()));
    }
}
