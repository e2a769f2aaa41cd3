using Ashlar.Expressions;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;
using static Ashlar.Postgres.Tests.Queries.QueryAssert;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class RelationshipFilterTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private const string Comments = "FROM \"public\".\"comments\" AS \"t1\"";

    [Fact]
    public async Task To_many_any_becomes_a_correlated_exists()
    {
        await Filters(db.Domain, p => p.Comments!.Any(c => c.Likes >= 3),
            $"EXISTS (SELECT 1 {Comments} WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND (\"t1\".\"likes\" >= $1))", 1);
        await Filters(db.Domain, p => p.Comments!.Any(), $"EXISTS (SELECT 1 {Comments} WHERE \"t1\".\"post_id\" = \"t0\".\"id\")", 1, 2, 3);
        await Filters(db.Domain, p => !p.Comments!.Any(), $"(NOT EXISTS (SELECT 1 {Comments} WHERE \"t1\".\"post_id\" = \"t0\".\"id\"))", 4, 5, 6);
    }

    [Fact]
    public async Task Where_before_any_adds_conditions_on_the_related_rows()
    {
        await Filters(db.Domain, p => p.Comments!.Where(c => !c.Hidden).Any(c => c.Likes >= 3),
            $"EXISTS (SELECT 1 {Comments} WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND ((NOT \"t1\".\"hidden\") AND (\"t1\".\"likes\" >= $1)))", 1);
        await Filters(db.Domain, p => p.Comments!.Where(c => c.Hidden).Any(),
            $"EXISTS (SELECT 1 {Comments} WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND \"t1\".\"hidden\")", 1, 3);
        await Filters(db.Domain, p => p.Comments!.Where(c => c.Hidden).Where(c => c.Likes > 0).Any(c => c.AuthorId == p.AuthorId),
            $"EXISTS (SELECT 1 {Comments} WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND ((\"t1\".\"hidden\" AND (\"t1\".\"likes\" > $1)) AND (\"t1\".\"author_id\" = \"t0\".\"author_id\")))");
    }

    [Fact]
    public async Task A_relationship_filter_reading_a_to_one_path_of_the_source_joins_it_at_the_source_level()
    {
        // (c, post) => c.Author!.Name == post.Author!.Name: the subquery reads post.author.name from the outer level.
        var query = Query.For<Post>().Filter(p => p.SameNameComments!.Any());
        Assert.EndsWith(
            " FROM \"public\".\"posts\" AS \"t0\" LEFT JOIN \"public\".\"authors\" AS \"t1\" ON \"t1\".\"id\" = \"t0\".\"author_id\" WHERE EXISTS (SELECT 1 " +
            "FROM \"public\".\"comments\" AS \"t2\" LEFT JOIN \"public\".\"authors\" AS \"t3\" ON \"t3\".\"id\" = \"t2\".\"author_id\" " +
            "WHERE \"t2\".\"post_id\" = \"t0\".\"id\" AND (\"t3\".\"name\" = \"t1\".\"name\"))",
            db.Domain.ToSql(query), StringComparison.Ordinal);
        Assert.Equal<long[]>([1], [.. (await db.Domain.ReadAsync(query, cancellationToken: TestContext.Current.CancellationToken)).Select(p => p.Id)]);
        Assert.Equal<long[]>([1], [.. (await db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.SameNameComments!.Count() == 1), cancellationToken: TestContext.Current.CancellationToken)).Select(p => p.Id)]);
        Assert.Equal([1L, 1L, 1L], (await db.Domain.ReadAsync(Query.For<Comment>().Filter(c => c.Post!.SameNameComments!.Any()).Sort(c => c.Id), cancellationToken: TestContext.Current.CancellationToken)).Select(c => c.PostId));
        Assert.Equal(1L, await db.Domain.CountAsync(Query.For<Post>().Filter(p => p.SameNameComments!.Any()), cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Exists_conditions_join_their_own_to_one_paths()
    {
        await Filters(db.Domain, p => Fn.Exists(p.Comments, c => c.Author!.Name == "Cy"),
            $"EXISTS (SELECT 1 {Comments} LEFT JOIN \"public\".\"authors\" AS \"t2\" ON \"t2\".\"id\" = \"t1\".\"author_id\" WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND (\"t2\".\"name\" = $1))", 1);
    }

    [Fact]
    public async Task The_outer_lambda_parameter_is_the_parent_row()
    {
        await Filters(db.Domain, p => p.Comments!.Any(c => c.AuthorId == p.AuthorId),
            $"EXISTS (SELECT 1 {Comments} WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND (\"t1\".\"author_id\" = \"t0\".\"author_id\"))", 1);
        await Filters<Author>(db.Domain, a => a.Posts!.Any(p => p.Comments!.Any(c => c.AuthorId == a.Id)),
            "EXISTS (SELECT 1 FROM \"public\".\"posts\" AS \"t1\" WHERE \"t1\".\"author_id\" = \"t0\".\"id\" AND EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t2\" WHERE \"t2\".\"post_id\" = \"t1\".\"id\" AND (\"t2\".\"author_id\" = \"t0\".\"id\")))",
            a => a.Id, 1);
    }

    [Fact]
    public async Task Many_to_many_exists_goes_through_the_join_table()
    {
        await Filters(db.Domain, p => p.Categories!.Any(c => c.Name == "life"),
            "EXISTS (SELECT 1 FROM \"public\".\"categories\" AS \"t1\" INNER JOIN \"public\".\"post_categories\" AS \"t2\" ON \"t2\".\"category_id\" = \"t1\".\"id\" WHERE \"t2\".\"post_id\" = \"t0\".\"id\" AND (\"t1\".\"name\" = $1))",
            1, 2);
    }

    [Fact]
    public async Task A_relationship_filter_applies_inside_exists()
    {
        await Filters(db.Domain, p => p.VisibleComments!.Any(c => c.Body == "spam"),
            $"EXISTS (SELECT 1 {Comments} WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND (NOT \"t1\".\"hidden\") AND (\"t1\".\"body\" = $1))");
        await Filters(db.Domain, p => p.VisibleComments!.Any(), $"EXISTS (SELECT 1 {Comments} WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND (NOT \"t1\".\"hidden\"))", 1, 2);
    }

    [Fact]
    public async Task To_one_paths_chain_left_joins()
    {
        await Filters<Comment>(db.Domain, c => c.Post!.Author!.Name == "Bob",
            "(\"t2\".\"name\" = $1)", c => c.Id, 5);
    }

    [Fact]
    public async Task A_relationship_filter_may_read_the_source_row()
    {
        await Filters(db.Domain, p => p.OwnComments!.Any(),
            $"EXISTS (SELECT 1 {Comments} WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND (\"t1\".\"author_id\" = \"t0\".\"author_id\"))", 1);

        var posts = await db.Domain.ReadAsync(Ashlar.Queries.Query.For<Post>().Filter(p => p.Id <= 3).Sort(p => p.Id).Load(p => p.OwnComments),
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([[3L], [], []], posts.Select(p => p.OwnComments!.Select(c => c.Id).ToArray()));
    }
}
