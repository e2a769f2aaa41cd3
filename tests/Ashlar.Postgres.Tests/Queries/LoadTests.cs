using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Ashlar.Types;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class LoadTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string LoadSql<T>(Query<T> query)
        where T : class
    {
        var plan = new QueryPlanner(db.Domain.Model, db.Domain.Model.InputLimits).Read(db.Domain.Model.Resource<T>(), query, null);
        return LoadCompiler.Compile(db.Domain.Model, plan.Loads[0], new long[] { 1, 2 }, AttributeType.Of(TypeKind.Long, typeof(long)), null).Text;
    }

    [Fact]
    public async Task Has_many_loads_every_parent_in_one_query()
    {
        var query = Query.For<Post>().Sort(p => p.Id).Load(p => p.Comments, c => c.Sort(x => x.Id));

        Assert.Equal(
            "SELECT \"t0\".\"post_id\", \"t0\".\"id\", \"t0\".\"body\", \"t0\".\"hidden\", \"t0\".\"likes\", \"t0\".\"post_id\", \"t0\".\"author_id\" FROM \"public\".\"comments\" AS \"t0\" WHERE \"t0\".\"post_id\" = ANY($1) ORDER BY \"t0\".\"id\" ASC",
            LoadSql(query));
        var posts = await db.Domain.ReadAsync(query, cancellationToken: Ct);
        Assert.Equal([[1L, 2, 3], [4], [5], [], [], []], posts.Select(p => p.Comments!.Select(c => c.Id).ToArray()));
    }

    [Fact]
    public async Task Belongs_to_and_has_one_load_single_records_or_null()
    {
        var posts = await db.Domain.ReadAsync(Query.For<Post>().Sort(p => p.Id).Load(p => p.Author), cancellationToken: Ct);
        Assert.Equal(["Ada", "Ada", "Bob", "Bob", "Cy", null], posts.Select(p => p.Author?.Name));

        var authors = await db.Domain.ReadAsync(Query.For<Author>().Sort(a => a.Id).Load(a => a.Profile), cancellationToken: Ct);
        Assert.Equal(["Mathematician", "Builder", null], authors.Select(a => a.Profile?.Bio));
    }

    [Fact]
    public async Task Many_to_many_loads_through_the_join_table()
    {
        var query = Query.For<Post>().Sort(p => p.Id).Load(p => p.Categories, c => c.Sort(x => x.Name));

        Assert.Equal(
            "SELECT \"t1\".\"post_id\", \"t0\".\"id\", \"t0\".\"name\" FROM \"public\".\"categories\" AS \"t0\" INNER JOIN \"public\".\"post_categories\" AS \"t1\" ON \"t1\".\"category_id\" = \"t0\".\"id\" WHERE \"t1\".\"post_id\" = ANY($1) ORDER BY \"t0\".\"name\" ASC",
            LoadSql(query));
        var posts = await db.Domain.ReadAsync(query, cancellationToken: Ct);
        Assert.Equal([["life", "tech"], ["life"], ["tech"], [], [], []], posts.Select(p => p.Categories!.Select(c => c.Name).ToArray()));
    }

    [Fact]
    public async Task Declared_relationship_filter_and_sort_apply_to_loads()
    {
        var posts = await db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Id <= 3).Sort(p => p.Id).Load(p => p.VisibleComments), cancellationToken: Ct);

        Assert.Equal([[3L, 1], [4], []], posts.Select(p => p.VisibleComments!.Select(c => c.Id).ToArray()));
    }

    [Fact]
    public async Task A_per_parent_limit_uses_a_lateral_join()
    {
        var query = Query.For<Post>().Filter(p => p.Id <= 3).Sort(p => p.Id).Load(p => p.Comments, c => c.Sort(x => x.Likes, descending: true).Limit(2));

        Assert.Equal(
            "SELECT \"k\".\"key\", \"d\".* FROM unnest($1) AS \"k\"(\"key\") CROSS JOIN LATERAL (SELECT \"t0\".\"id\", \"t0\".\"body\", \"t0\".\"hidden\", \"t0\".\"likes\", \"t0\".\"post_id\", \"t0\".\"author_id\" FROM \"public\".\"comments\" AS \"t0\" WHERE \"t0\".\"post_id\" = \"k\".\"key\" ORDER BY \"t0\".\"likes\" DESC LIMIT 2) AS \"d\"",
            LoadSql(query));
        var posts = await db.Domain.ReadAsync(query, cancellationToken: Ct);
        Assert.Equal([[3L, 1], [4], [5]], posts.Select(p => p.Comments!.Select(c => c.Id).ToArray()));
    }

    [Fact]
    public async Task Nested_loads_take_one_round_trip_per_level()
    {
        var query = Query.For<Author>().Sort(a => a.Id)
            .Load(a => a.Posts, p => p.Sort(x => x.Id)
                .Load(x => x.Comments, c => c.Filter(x => !x.Hidden).Sort(x => x.Likes, descending: true)
                    .Load(x => x.Author)))
            .Load(a => a.Profile);
        var before = db.Domain.Postgres().CommandCount;

        var authors = await db.Domain.ReadAsync(query, cancellationToken: Ct);

        Assert.Equal(5, db.Domain.Postgres().CommandCount - before);
        Assert.Equal([[1L, 2], [3, 4], [5]], authors.Select(a => a.Posts!.Select(p => p.Id).ToArray()));
        Assert.Equal(["Ada", "Bob"], authors[0].Posts![0].Comments!.Select(c => c.Author!.Name));
        Assert.Equal(["Bob"], authors[0].Posts![1].Comments!.Select(c => c.Author!.Name));
        Assert.Empty(authors[1].Posts![0].Comments!);
        Assert.Equal("Mathematician", authors[0].Profile!.Bio);
    }

    [Fact]
    public async Task A_declared_relationship_limit_applies_per_parent()
    {
        var authors = await db.Domain.ReadAsync(Query.For<Author>().Sort(a => a.Id).Load(a => a.TopPosts), cancellationToken: Ct);

        Assert.Equal([[1L], [3], [5]], authors.Select(a => a.TopPosts!.Select(p => p.Id).ToArray()));
    }
}
