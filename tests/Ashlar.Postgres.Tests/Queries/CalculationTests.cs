using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;
using static Ashlar.Postgres.Tests.Queries.QueryAssert;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class CalculationTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calculations_load_with_default_or_given_arguments()
    {
        var query = Query.For<Post>().Filter(p => p.Id <= 3).Sort(p => p.Id).LoadCalculation(p => p.Boosted, new { factor = 3 });

        Assert.Contains("(\"t0\".\"score\" * $1) AS \"boosted\"", db.Domain.ToSql(query), StringComparison.Ordinal);
        Assert.Equal([30, 15, 21], (await db.Domain.ReadAsync(query, cancellationToken: Ct)).Select(p => p.Boosted));
        Assert.Equal([20, 10, 14], (await db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Id <= 3).Sort(p => p.Id).LoadCalculation(p => p.Boosted), cancellationToken: Ct)).Select(p => p.Boosted));
    }

    [Fact]
    public async Task Calculations_through_relationships_join_what_they_need()
    {
        var query = Query.For<Post>().Filter(p => p.Id >= 5).Sort(p => p.Id).LoadCalculation(p => p.Byline);

        Assert.Equal(
            "SELECT \"t0\".\"id\", \"t0\".\"title\", \"t0\".\"score\", \"t0\".\"rating\", \"t0\".\"tags\", \"t0\".\"metadata\", \"t0\".\"published_at\", \"t0\".\"secret\", \"t0\".\"external_id\", \"t0\".\"author_id\", ((\"t0\".\"title\" || $1) || \"t1\".\"name\") AS \"byline\" FROM \"public\".\"posts\" AS \"t0\" LEFT JOIN \"public\".\"authors\" AS \"t1\" ON \"t1\".\"id\" = \"t0\".\"author_id\" WHERE (\"t0\".\"id\" >= $2) ORDER BY \"t0\".\"id\" ASC",
            db.Domain.ToSql(query));
        Assert.Equal(["Goodbye by Cy", null], (await db.Domain.ReadAsync(query, cancellationToken: Ct)).Select(p => p.Byline));
    }

    [Fact]
    public async Task Calculations_can_be_filtered_and_sorted_on_anywhere()
    {
        await Filters(db.Domain, p => p.Boosted > 15, "((\"t0\".\"score\" * $1) > $2)", 1);
        await Filters<Author>(db.Domain, a => a.Posts!.Any(p => p.Boosted > 15),
            "EXISTS (SELECT 1 FROM \"public\".\"posts\" AS \"t1\" WHERE \"t1\".\"author_id\" = \"t0\".\"id\" AND ((\"t1\".\"score\" * $1) > $2))", a => a.Id, 1);
        await Filters<Comment>(db.Domain, c => c.Post!.Boosted == 20, "((\"t1\".\"score\" * $1) = $2)", c => c.Id, 1, 2, 3);

        var sorted = await db.Domain.ReadAsync(Query.For<Post>().Sort(p => p.Byline, nullsFirst: true).Sort(p => p.Id), cancellationToken: Ct);
        Assert.Equal([6L, 2, 5, 1, 4, 3], sorted.Select(p => p.Id));
    }

    [Fact]
    public async Task A_missing_argument_value_is_an_invalid_value()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(
            Query.For<Post>().LoadCalculation(p => p.Boosted, new { factor = "lots" }), cancellationToken: Ct));

        Assert.IsType<InvalidFilterValue>(Assert.Single(error.Errors));
    }
}
