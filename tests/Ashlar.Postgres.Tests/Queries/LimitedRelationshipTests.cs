using System.Linq.Expressions;
using Ashlar.Domains;
using Ashlar.Expressions;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries;

/// <summary>
/// A relationship's declared limit (in its sort) in EXISTS, declared and inline aggregates: post 1's comments have
/// 5, 3 and 0 likes, so its two most liked ones leave the 0 out.
/// </summary>
public sealed class LimitedRelationshipTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private const string TopTwo = "(SELECT \"t2\".* FROM \"public\".\"comments\" AS \"t2\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\" ORDER BY \"t2\".\"likes\" DESC, \"t2\".\"id\" ASC LIMIT 2) AS \"t1\"";

    private static readonly DomainModel LimitedModel = DomainModel.Build("limited", d => d
        .Resource<Author>().Resource<Profile>().Resource<Post>().Resource<Comment>().Resource<Category>().Resource<PostCategory>()
        .Resource<LimitedPost>());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Any_checks_only_the_rows_the_limit_keeps()
    {
        await using var domain = Create();
        await Filters(domain, p => p.TopComments!.Any(c => c.Likes == 0), $"EXISTS (SELECT 1 FROM {TopTwo} WHERE (\"t1\".\"likes\" = $1))");
        await Filters(domain, p => Fn.Exists(p.TopComments, c => c.Likes == 3), $"EXISTS (SELECT 1 FROM {TopTwo} WHERE (\"t1\".\"likes\" = $1))", 1);
        await Filters(domain, p => p.Comments!.Any(c => c.Likes == 0),
            "EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t1\" WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND (\"t1\".\"likes\" = $1))", 1);

        // Without a condition the limit cannot change the answer, so there is no derived table.
        await Filters(domain, p => p.TopComments!.Any(), "EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t1\" WHERE \"t1\".\"post_id\" = \"t0\".\"id\")", 1, 2, 3);
    }

    [Fact]
    public async Task The_relationship_filter_applies_before_the_limit_and_the_condition_after()
    {
        await using var domain = Create();
        const string best = "EXISTS (SELECT 1 FROM (SELECT \"t2\".* FROM \"public\".\"comments\" AS \"t2\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\" AND (NOT \"t2\".\"hidden\") ORDER BY \"t2\".\"likes\" DESC, \"t2\".\"id\" ASC LIMIT 1) AS \"t1\" WHERE (\"t1\".\"likes\" = $1))";
        await Filters(domain, p => p.BestVisible!.Any(c => c.Likes == 3), best);
        await Filters(domain, p => p.BestVisible!.Any(c => c.Likes == 5), best, 1);
        await Filters(domain, p => p.BestVisible!.Any(c => c.Likes == 2), best); // post 3's only comment is hidden

        // A filter reading the post: parent(...) inside the derived table is still the outer row.
        await Filters(domain, p => p.OwnBest!.Any(c => c.Likes > 0),
            "EXISTS (SELECT 1 FROM (SELECT \"t2\".* FROM \"public\".\"comments\" AS \"t2\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\" AND (\"t2\".\"author_id\" = \"t0\".\"author_id\") ORDER BY \"t2\".\"likes\" DESC, \"t2\".\"id\" ASC LIMIT 1) AS \"t1\" WHERE (\"t1\".\"likes\" > $1))",
            1);
    }

    [Fact]
    public async Task Declared_aggregates_see_only_the_limited_rows()
    {
        await using var domain = Create();
        await Filters(domain, p => p.TopCount == 2, $"(CAST((SELECT count(*) FROM {TopTwo}) AS integer) = $1)", 1);
        await Filters(domain, p => p.TopIdSum == 4,
            "(CAST((SELECT sum(\"t1\".\"id\") FROM (SELECT \"t2\".* FROM \"public\".\"comments\" AS \"t2\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\" ORDER BY \"t2\".\"likes\" DESC, \"t2\".\"id\" ASC LIMIT 2) AS \"t1\") AS bigint) = $1)",
            1, 2);

        // The aggregate's own filter chooses among the two kept rows (5 and 3 likes for post 1, not 3 and 0).
        await Filters(domain, p => p.LowTopCount == 1, $"(CAST((SELECT count(*) FROM {TopTwo} WHERE (\"t1\".\"likes\" < $1)) AS integer) = $2)", 1, 2, 3);
        await Filters(domain, p => p.HasUnlikedTop, $"EXISTS (SELECT 1 FROM {TopTwo} WHERE (\"t1\".\"likes\" = $1))");
    }

    [Fact]
    public async Task Inline_aggregates_see_only_the_limited_rows()
    {
        await using var domain = Create();
        await Filters(domain, p => p.TopComments!.Count() == 2, $"(CAST((SELECT count(*) FROM {TopTwo}) AS integer) = $1)", 1);
        await Filters(domain, p => p.TopComments!.Count(c => c.Likes < 4) == 2, $"(CAST((SELECT count(*) FROM {TopTwo} WHERE (\"t1\".\"likes\" < $1)) AS integer) = $2)");
        await Filters(domain, p => p.TopComments!.Where(c => c.Likes < 4).Count() == 1, $"(CAST((SELECT count(*) FROM {TopTwo} WHERE (\"t1\".\"likes\" < $1)) AS integer) = $2)", 1, 2, 3);
        await Filters(domain, p => p.TopComments!.Sum(c => c.Id) == 4,
            $"(COALESCE(CAST((SELECT sum(\"t1\".\"id\") FROM {TopTwo}) AS bigint), 0) = $1)", 1, 2);
        await Filters(domain, p => p.TopComments!.Min(c => (int?)c.Likes) == 3, $"((SELECT min(\"t1\".\"likes\") FROM {TopTwo}) = $1)", 1);

        var query = Query.For<LimitedPost>().Sort(p => p.Id).LoadCalculation(p => p.TopIdSumInline);
        Assert.Contains($"COALESCE(CAST((SELECT sum(\"t1\".\"id\") FROM {TopTwo}) AS bigint), 0) AS \"top_id_sum_inline\"", domain.ToSql(query), StringComparison.Ordinal);
        Assert.Equal([4L, 4, 5, 0, 0, 0], (await domain.ReadAsync(query, cancellationToken: Ct)).Select(p => p.TopIdSumInline));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Loaded_aggregates_over_a_limited_relationship_are_correlated(bool readLimit)
    {
        await using var domain = Create();
        var query = Query.For<LimitedPost>().Sort(p => p.Id)
            .LoadAggregate(p => p.TopCount).LoadAggregate(p => p.TopIdSum).LoadAggregate(p => p.LowTopCount).LoadAggregate(p => p.TopBody)
            .LoadAggregate(p => p.TopBodies).LoadAggregate(p => p.HasUnlikedTop).LoadAggregate(p => p.FirstCategoryCount).LoadAggregate(p => p.CommentCount);
        query = readLimit ? query.Limit(10) : query;

        var sql = domain.ToSql(query);
        Assert.StartsWith($"SELECT \"t0\".\"id\", \"t0\".\"title\", \"t0\".\"author_id\", CAST((SELECT count(*) FROM {TopTwo}) AS integer) AS \"top_count\", ", sql, StringComparison.Ordinal);
        Assert.Contains(
            "(SELECT \"t7\".\"body\" FROM (SELECT \"t8\".* FROM \"public\".\"comments\" AS \"t8\" WHERE \"t8\".\"post_id\" = \"t0\".\"id\" ORDER BY \"t8\".\"likes\" DESC, \"t8\".\"id\" ASC LIMIT 2) AS \"t7\" WHERE \"t7\".\"body\" IS NOT NULL ORDER BY \"t7\".\"likes\" DESC, \"t7\".\"id\" ASC LIMIT 1) AS \"top_body\"",
            sql, StringComparison.Ordinal);
        Assert.Contains("(SELECT array_agg(\"t9\".\"body\" ORDER BY \"t9\".\"likes\" DESC, \"t9\".\"id\" ASC) FROM (SELECT \"t10\".* FROM", sql, StringComparison.Ordinal);

        // Only the unlimited count may take the grouped form, and only without a read limit.
        Assert.Equal(readLimit ? 0 : 1, sql.Split(" LEFT JOIN (SELECT ").Length - 1);
        var posts = await domain.ReadAsync(query, cancellationToken: Ct);
        Assert.Equal([2, 1, 1, 0, 0, 0], posts.Select(p => p.TopCount));
        Assert.Equal([4L, 4, 5, null, null, null], posts.Select(p => p.TopIdSum));
        Assert.Equal([1, 1, 1, 0, 0, 0], posts.Select(p => p.LowTopCount));
        Assert.Equal(["great", "meh", "hidden", null, null, null], posts.Select(p => p.TopBody));
        Assert.Equal(["great,nice", "meh", "hidden", "", "", ""], posts.Select(p => p.TopBodies is null ? null : string.Join(",", p.TopBodies)));
        Assert.All(posts, p => Assert.False(p.HasUnlikedTop));
        Assert.Equal([1, 1, 1, 0, 0, 0], posts.Select(p => p.FirstCategoryCount));
        Assert.Equal([3, 1, 1, 0, 0, 0], posts.Select(p => p.CommentCount));
    }

    [Fact]
    public async Task Many_to_many_cuts_through_the_join_table()
    {
        await using var domain = Create();
        const string first = "(SELECT \"t2\".* FROM \"public\".\"categories\" AS \"t2\" INNER JOIN \"public\".\"post_categories\" AS \"t3\" ON \"t3\".\"category_id\" = \"t2\".\"id\" WHERE \"t3\".\"post_id\" = \"t0\".\"id\" ORDER BY \"t2\".\"name\" ASC, \"t2\".\"id\" ASC LIMIT 1) AS \"t1\"";

        // Post 1 is in tech and life, but its first category by name is life.
        await Filters(domain, p => p.FirstCategory!.Any(c => c.Name == "tech"), $"EXISTS (SELECT 1 FROM {first} WHERE (\"t1\".\"name\" = $1))", 3);
        await Filters(domain, p => p.FirstCategory!.Count(c => c.Name == "life") == 1, $"(CAST((SELECT count(*) FROM {first} WHERE (\"t1\".\"name\" = $1)) AS integer) = $2)", 1, 2);
        await Filters(domain, p => p.FirstCategoryCount == 1, $"(CAST((SELECT count(*) FROM {first}) AS integer) = $1)", 1, 2, 3);
    }

    private Domain Create() => PostgresDomain.Create(LimitedModel, pg => pg.Repo<BlogRepo>(db.DataSource));

    private static Task Filters(Domain domain, Expression<Func<LimitedPost, bool>> filter, string where, params long[] ids) =>
        QueryAssert.Filters(domain, filter, where, p => p.Id, ids);
}
