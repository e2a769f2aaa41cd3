using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class SortInputTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sort_strings_name_direction_and_nils()
    {
        var query = Query.For<Post>().SortInput("-score, title");
        Assert.EndsWith("ORDER BY \"t0\".\"score\" DESC, \"t0\".\"title\" ASC", db.Domain.ToSql(query), StringComparison.Ordinal);
        Assert.Equal([1L, 5, 3, 2, 6, 4], (await db.Domain.ReadAsync(query, cancellationToken: Ct)).Select(p => p.Id));

        var nils = Query.For<Post>().SortInput("++rating,id");
        Assert.EndsWith("ORDER BY \"t0\".\"rating\" ASC NULLS FIRST, \"t0\".\"id\" ASC", db.Domain.ToSql(nils), StringComparison.Ordinal);
        Assert.Equal([2L, 5, 6, 4, 3, 1], (await db.Domain.ReadAsync(nils, cancellationToken: Ct)).Select(p => p.Id));
    }

    [Fact]
    public async Task Sort_strings_follow_public_to_one_relationships()
    {
        var query = Query.For<Post>().SortInput("--author.name,id");
        Assert.Equal(
            "FROM \"public\".\"posts\" AS \"t0\" LEFT JOIN \"public\".\"authors\" AS \"t1\" ON \"t1\".\"id\" = \"t0\".\"author_id\" ORDER BY \"t1\".\"name\" DESC NULLS LAST, \"t0\".\"id\" ASC",
            QueryAssert.From(db.Domain.ToSql(query)));
        Assert.Equal([5L, 3, 4, 1, 2, 6], (await db.Domain.ReadAsync(query, cancellationToken: Ct)).Select(p => p.Id));
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("nope")]
    [InlineData("title; DROP TABLE posts")]
    [InlineData("score DESC NULLS FIRST")]
    [InlineData("comments.likes")]
    [InlineData("author.\"name\"")]
    [InlineData("(SELECT 1)")]
    public async Task Unknown_private_and_injected_sort_keys_are_refused(string sort)
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Post>().SortInput(sort), cancellationToken: Ct));

        Assert.IsType<InvalidFilterReference>(Assert.Single(error.Errors));
    }
}
