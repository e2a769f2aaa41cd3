using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;
using static Ashlar.Postgres.Tests.Queries.QueryAssert;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class InlineAggregateTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private const string Comments = "FROM \"public\".\"comments\" AS \"t1\" WHERE \"t1\".\"post_id\" = \"t0\".\"id\"";

    private static readonly DomainModel InlineModel = DomainModel.Build("inline", d => d
        .Resource<Author>().Resource<Profile>().Resource<Post>().Resource<Comment>().Resource<Category>().Resource<PostCategory>()
        .Resource<InlinePost>());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Count_is_the_same_subquery_as_a_declared_count()
    {
        const string count = $"CAST((SELECT count(*) {Comments}) AS integer)";
        await Filters(db.Domain, p => p.Comments!.Count() >= 1, $"({count} >= $1)", 1, 2, 3);
        await Filters(db.Domain, p => p.Comments!.Count == 0, $"({count} = $1)", 4, 5, 6);
        Assert.Equal(Where(db.Domain.ToSql(Query.For<Post>().Filter(p => p.CommentCount >= 1))), Where(db.Domain.ToSql(Query.For<Post>().Filter(p => p.Comments!.Count() >= 1))));
        await Filters(db.Domain, p => p.Comments!.LongCount() > 2, $"(CAST((SELECT count(*) {Comments}) AS bigint) > $1)", 1);
    }

    [Fact]
    public async Task A_count_condition_filters_the_related_rows()
    {
        await Filters(db.Domain, p => p.Comments!.Count(c => c.Likes > 0) == 1,
            $"(CAST((SELECT count(*) {Comments} AND (\"t1\".\"likes\" > $1)) AS integer) = $2)", 2, 3);
        await Filters(db.Domain, p => p.Comments!.Count(c => c.Likes > 2 && !c.Hidden) >= 2,
            $"(CAST((SELECT count(*) {Comments} AND ((\"t1\".\"likes\" > $1) AND (NOT \"t1\".\"hidden\"))) AS integer) >= $2)", 1);
    }

    [Fact]
    public async Task Where_before_the_aggregate_is_a_condition_on_the_related_rows()
    {
        await Filters(db.Domain, p => p.Comments!.Where(c => c.Likes > 0).Count() == 1,
            $"(CAST((SELECT count(*) {Comments} AND (\"t1\".\"likes\" > $1)) AS integer) = $2)", 2, 3);
        Assert.Equal(
            Where(db.Domain.ToSql(Query.For<Post>().Filter(p => p.Comments!.Count(c => c.Likes > 0) == 1))),
            Where(db.Domain.ToSql(Query.For<Post>().Filter(p => p.Comments!.Where(c => c.Likes > 0).Count() == 1))));
        await Filters(db.Domain, p => p.Comments!.Where(c => !c.Hidden).Where(c => c.Likes > 0).Count(c => c.AuthorId == p.AuthorId) == 1,
            $"(CAST((SELECT count(*) {Comments} AND (((NOT \"t1\".\"hidden\") AND (\"t1\".\"likes\" > $1)) AND (\"t1\".\"author_id\" = \"t0\".\"author_id\"))) AS integer) = $2)", 1);
        await Filters(db.Domain, p => p.Comments!.Where(c => !c.Hidden).Sum(c => c.Likes) > 5,
            $"(COALESCE(CAST((SELECT sum(\"t1\".\"likes\") {Comments} AND (NOT \"t1\".\"hidden\")) AS integer), 0) > $1)", 1);
        await Filters(db.Domain, p => p.Comments!.Where(c => c.Hidden).Max(c => (int?)c.Likes) == null,
            $"((SELECT max(\"t1\".\"likes\") {Comments} AND \"t1\".\"hidden\") IS NULL)", 2, 4, 5, 6);
        await Filters(db.Domain, p => p.Categories!.Where(c => c.Name == "life").LongCount() == 1,
            "(CAST((SELECT count(*) FROM \"public\".\"categories\" AS \"t1\" INNER JOIN \"public\".\"post_categories\" AS \"t2\" ON \"t2\".\"category_id\" = \"t1\".\"id\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\" AND (\"t1\".\"name\" = $1)) AS bigint) = $2)",
            1, 2);
    }

    [Fact]
    public async Task Sum_is_zero_and_min_max_average_are_nil_without_rows()
    {
        await Filters(db.Domain, p => p.Comments!.Sum(c => c.Likes) == 0,
            $"(COALESCE(CAST((SELECT sum(\"t1\".\"likes\") {Comments}) AS integer), 0) = $1)", 4, 5, 6);
        await Filters(db.Domain, p => p.Comments!.Max(c => (int?)c.Likes) == null, $"((SELECT max(\"t1\".\"likes\") {Comments}) IS NULL)", 4, 5, 6);
        await Filters(db.Domain, p => p.Comments!.Min(c => (int?)c.Likes) >= 1, $"((SELECT min(\"t1\".\"likes\") {Comments}) >= $1)", 2, 3);
        await Filters(db.Domain, p => p.Comments!.Average(c => (int?)c.Likes) > 2.5,
            $"(CAST((SELECT avg(\"t1\".\"likes\") {Comments}) AS double precision) > $1)", 1);
        await Filters(db.Domain, p => p.Comments!.Sum(c => c.Likes * 2) > 10,
            $"(COALESCE(CAST((SELECT sum((\"t1\".\"likes\" * $1)) {Comments}) AS integer), 0) > $2)", 1);
    }

    [Fact]
    public async Task The_relationship_filter_and_the_join_table_apply()
    {
        await Filters(db.Domain, p => p.VisibleComments!.Count() == 2,
            $"(CAST((SELECT count(*) {Comments} AND (NOT \"t1\".\"hidden\")) AS integer) = $1)", 1);
        await Filters(db.Domain, p => p.Categories!.Count(c => c.Name != "tech") == 1,
            "(CAST((SELECT count(*) FROM \"public\".\"categories\" AS \"t1\" INNER JOIN \"public\".\"post_categories\" AS \"t2\" ON \"t2\".\"category_id\" = \"t1\".\"id\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\" AND (\"t1\".\"name\" <> $1)) AS integer) = $2)",
            1, 2);
    }

    [Fact]
    public async Task The_outer_parameter_inside_the_condition_is_the_parent_row()
    {
        await Filters(db.Domain, p => p.Comments!.Count(c => c.AuthorId == p.AuthorId) >= 1,
            $"(CAST((SELECT count(*) {Comments} AND (\"t1\".\"author_id\" = \"t0\".\"author_id\")) AS integer) >= $1)", 1);
        await Filters(db.Domain, p => p.Comments!.Sum(c => c.Author!.Name == p.Author!.Name ? c.Likes : 0) > 0,
            "(COALESCE(CAST((SELECT sum(CASE WHEN (\"t3\".\"name\" = \"t1\".\"name\") THEN \"t2\".\"likes\" ELSE $1 END) FROM \"public\".\"comments\" AS \"t2\" LEFT JOIN \"public\".\"authors\" AS \"t3\" ON \"t3\".\"id\" = \"t2\".\"author_id\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\") AS integer), 0) > $2)",
            1);
        await Filters<Author>(db.Domain, a => a.Posts!.Any(p => p.Comments!.Count(c => c.AuthorId == a.Id) == 1),
            "EXISTS (SELECT 1 FROM \"public\".\"posts\" AS \"t1\" WHERE \"t1\".\"author_id\" = \"t0\".\"id\" AND (CAST((SELECT count(*) FROM \"public\".\"comments\" AS \"t2\" WHERE \"t2\".\"post_id\" = \"t1\".\"id\" AND (\"t2\".\"author_id\" = \"t0\".\"id\")) AS integer) = $1))",
            a => a.Id, 1);
    }

    [Fact]
    public async Task Aggregates_reached_through_to_one_paths_and_from_inner_levels()
    {
        await Filters(db.Domain, p => p.Author!.Posts!.Count == 2,
            "(CAST((SELECT count(*) FROM \"public\".\"posts\" AS \"t2\" WHERE \"t2\".\"author_id\" = \"t1\".\"id\") AS integer) = $1)", 1, 2, 3, 4);
        await Filters<Author>(db.Domain, a => a.Posts!.Any(p => a.Posts!.Count > 1 && p.Score > 5),
            "EXISTS (SELECT 1 FROM \"public\".\"posts\" AS \"t1\" WHERE \"t1\".\"author_id\" = \"t0\".\"id\" AND ((CAST((SELECT count(*) FROM \"public\".\"posts\" AS \"t2\" WHERE \"t2\".\"author_id\" = \"t0\".\"id\") AS integer) > $1) AND (\"t1\".\"score\" > $2)))",
            a => a.Id, 1, 2);
    }

    [Fact]
    public async Task Inline_aggregates_sort()
    {
        var query = Query.For<Post>().Sort(p => p.Comments!.Sum(c => c.Likes), descending: true).Sort(p => p.Id);

        Assert.EndsWith($" ORDER BY COALESCE(CAST((SELECT sum(\"t1\".\"likes\") {Comments}) AS integer), 0) DESC, \"t0\".\"id\" ASC", db.Domain.ToSql(query), StringComparison.Ordinal);
        Assert.Equal([1L, 3, 2, 4, 5, 6], (await db.Domain.ReadAsync(query, cancellationToken: Ct)).Select(p => p.Id));
    }

    [Fact]
    public async Task Calculations_can_use_inline_aggregates()
    {
        await using var domain = PostgresDomain.Create(InlineModel, pg => pg.Repo<BlogRepo>(db.DataSource));
        var query = Query.For<InlinePost>().Filter(p => p.Id <= 4).Sort(p => p.Id)
            .LoadCalculation(p => p.TotalLikes).LoadCalculation(p => p.ShownComments).LoadCalculation(p => p.BestLikes).LoadCalculation(p => p.AuthorPostCount);

        var sql = domain.ToSql(query);
        Assert.Contains($"COALESCE(CAST((SELECT sum(\"t2\".\"likes\") FROM \"public\".\"comments\" AS \"t2\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\") AS integer), 0) AS \"total_likes\"", sql, StringComparison.Ordinal);
        Assert.Contains("(SELECT max(\"t4\".\"likes\") FROM \"public\".\"comments\" AS \"t4\" WHERE \"t4\".\"post_id\" = \"t0\".\"id\") AS \"best_likes\"", sql, StringComparison.Ordinal);
        Assert.Contains("CAST((SELECT count(*) FROM \"public\".\"posts\" AS \"t5\" WHERE \"t5\".\"author_id\" = \"t1\".\"id\") AS integer) AS \"author_post_count\"", sql, StringComparison.Ordinal);
        var posts = await domain.ReadAsync(query, cancellationToken: Ct);
        Assert.Equal([8, 1, 2, 0], posts.Select(p => p.TotalLikes));
        Assert.Equal([2, 1, 0, 0], posts.Select(p => p.ShownComments));
        Assert.Equal([5, 1, 2, null], posts.Select(p => p.BestLikes));
        Assert.Equal([2, 2, 2, 2], posts.Select(p => p.AuthorPostCount));

        var filtered = await domain.ReadAsync(Query.For<InlinePost>().Filter(p => p.TotalLikes > 1 && p.BestLikes != null).Sort(p => p.Id), cancellationToken: Ct);
        Assert.Equal([1L, 3], filtered.Select(p => p.Id));

        // Named inside a to-many condition, the calculation is still computed for the outer row.
        var inner = Query.For<InlinePost>().Filter(p => p.Comments!.Any(c => c.Likes < p.TotalLikes));
        Assert.Equal(
            "WHERE EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t1\" WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND (\"t1\".\"likes\" < COALESCE(CAST((SELECT sum(\"t2\".\"likes\") FROM \"public\".\"comments\" AS \"t2\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\") AS integer), 0)))",
            Where(domain.ToSql(inner)));
        Assert.Equal([1L], (await domain.ReadAsync(inner, cancellationToken: Ct)).Select(p => p.Id));
    }

    [Fact]
    public async Task Cached_statements_keep_shapes_apart()
    {
        // Same values, different aggregates: each must compile to its own text (Debug builds also re-verify cache hits).
        System.Linq.Expressions.Expression<Func<Post, bool>>[] filters =
        [
            p => p.Comments!.Count() > 1,
            p => p.Comments!.LongCount() > 1,
            p => p.Comments!.Count(c => c.Likes > 1) > 1,
            p => p.Comments!.Count(c => c.Likes < 1) > 1,
            p => p.VisibleComments!.Count() > 1,
            p => p.Comments!.Sum(c => c.Likes) > 1,
            p => p.Comments!.Max(c => c.Likes) > 1,
            p => p.Comments!.Min(c => c.Likes) > 1,
            p => p.Comments!.Sum(c => (long)c.Likes) > 1,
            p => p.Comments!.Where(c => c.Likes > 1).Sum(c => c.Likes) > 1,
            p => p.Comments!.Where(c => c.Likes > 1).Where(c => c.Hidden).Count() > 1,
        ];
        var texts = filters.Select(f => db.Domain.ToSql(Query.For<Post>().Filter(f))).ToList();
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());

        for (var likes = 0; likes < 3; likes++)
        {
            var threshold = likes;
            var rows = await db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Comments!.Count(c => c.Likes > threshold) >= 1).Sort(p => p.Id), cancellationToken: Ct);
            Assert.Equal(likes switch { 0 => [1L, 2, 3], 1 => [1L, 3], _ => [1L] }, rows.Select(p => p.Id));
        }
    }

    [Fact]
    public void Aggregates_need_a_to_many_relationship()
    {
        var toOne = Assert.Throws<InvalidException>(() => db.Domain.ToSql(Query.For<Post>().Filter(p => ((IEnumerable<Author>)(object)p.Author!).Count() == 1)));
        var reference = Assert.IsType<InvalidFilterReference>(Assert.Single(toOne.Errors));
        Assert.Contains("needs a to-many relationship, but author is to-one", reference.Message, StringComparison.Ordinal);

        var attribute = Assert.Throws<InvalidException>(() => db.Domain.ToSql(Query.For<Post>().Filter(p => p.Tags!.Sum(t => t.Length) > 0)));
        Assert.Contains("Sum(...) in the filter", Assert.IsType<InvalidFilterReference>(Assert.Single(attribute.Errors)).Message, StringComparison.Ordinal);

        // A deeper lambda's parameter is out of reach of an aggregate evaluated at an outer level.
        var hidden = Assert.Throws<InvalidException>(() => db.Domain.ToSql(Query.For<Author>().Filter(a => a.Posts!.Any(p => a.Posts!.Count(x => x.Score > p.Score) > 1))));
        Assert.IsType<InvalidFilterReference>(Assert.Single(hidden.Errors));
    }
}
