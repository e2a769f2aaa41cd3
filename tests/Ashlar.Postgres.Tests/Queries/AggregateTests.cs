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
        Assert.Contains($"{CountSql} AS \"comment_count\"", sql, StringComparison.Ordinal);
        Assert.Contains("COALESCE(CAST((SELECT sum(\"t2\".\"likes\") FROM \"public\".\"comments\" AS \"t2\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\" AND (NOT \"t2\".\"hidden\")) AS integer), $1) AS \"visible_likes\"", sql, StringComparison.Ordinal);
        Assert.Contains("(SELECT \"t5\".\"body\" FROM \"public\".\"comments\" AS \"t5\" WHERE \"t5\".\"post_id\" = \"t0\".\"id\" AND (NOT \"t5\".\"hidden\") AND \"t5\".\"body\" IS NOT NULL ORDER BY \"t5\".\"likes\" DESC LIMIT 1) AS \"top_comment\"", sql, StringComparison.Ordinal);
        Assert.Contains("EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t7\" WHERE \"t7\".\"post_id\" = \"t0\".\"id\" AND \"t7\".\"hidden\") AS \"has_hidden_comments\"", sql, StringComparison.Ordinal);
        Assert.Contains("CAST((SELECT count(DISTINCT \"t8\".\"author_id\")", sql, StringComparison.Ordinal);

        var posts = await db.Domain.ReadAsync(query, cancellationToken: Ct);
        Assert.Equal([3, 1, 1, 0], posts.Select(p => p.CommentCount));
        Assert.Equal([8, 1, 0, 0], posts.Select(p => p.VisibleLikes));
        Assert.Equal([2.67m, 1m, 2m, null], posts.Select(p => p.AvgLikes is { } a ? Math.Round(a, 2) : (decimal?)null));
        Assert.Equal([5, 1, 2, null], posts.Select(p => p.MaxLikes));
        Assert.Equal(["great", "meh", null, null], posts.Select(p => p.TopComment));
        Assert.Equal(["great,nice", "meh", null, null], posts.Select(p => p.CommentBodies is null ? null : string.Join(",", p.CommentBodies)));
        Assert.Equal([true, false, true, false], posts.Select(p => p.HasHiddenComments));
        Assert.Equal([3, 1, 1, 0], posts.Select(p => p.CommenterCount));
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
    public async Task Aggregates_load_inside_relationship_loads()
    {
        var authors = await db.Domain.ReadAsync(
            Query.For<Author>().Sort(a => a.Id).Load(a => a.Posts, p => p.Sort(x => x.Id).LoadAggregate(x => x.CommentCount)), cancellationToken: Ct);

        Assert.Equal([[3, 1], [1, 0], [0]], authors.Select(a => a.Posts!.Select(p => p.CommentCount ?? -1).ToArray()));
    }
}
