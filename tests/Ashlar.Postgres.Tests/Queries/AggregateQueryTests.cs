using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries;

/// <summary>Query-level and grouped aggregates (<c>AggregateAsync</c>, <c>AggregateByAsync</c>, <c>CountAsync</c>, <c>ExistsAsync</c>).</summary>
public sealed class AggregateQueryTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counts_per_group_are_one_group_by_statement()
    {
        var query = Query.For<Comment>();
        Assert.Equal("SELECT \"t0\".\"post_id\", count(*) FROM \"public\".\"comments\" AS \"t0\" GROUP BY 1",
            db.Domain.ToSql(query, c => c.PostId, a => a.Count()));

        var counts = (await db.Domain.AggregateByAsync(query, c => c.PostId, a => a.Count(), cancellationToken: Ct)).ToDictionary();
        Assert.Equal(new Dictionary<long, long> { [1] = 3, [2] = 1, [3] = 1 }, counts);
    }

    [Fact]
    public async Task The_filter_selects_what_is_grouped_and_its_values_are_parameters()
    {
        long[] ids = [1, 2, 6];
        var query = Query.For<Comment>().Filter(c => ids.Contains(c.PostId) && !c.Hidden);
        Assert.Equal(
            "SELECT \"t0\".\"post_id\", count(*) FROM \"public\".\"comments\" AS \"t0\" WHERE ((\"t0\".\"post_id\" = ANY($1)) AND (NOT \"t0\".\"hidden\")) GROUP BY 1",
            db.Domain.ToSql(query, c => c.PostId, a => a.Count()));

        var counts = (await db.Domain.AggregateByAsync(query, c => c.PostId, a => a.Count(), cancellationToken: Ct)).ToDictionary();
        Assert.Equal(new Dictionary<long, long> { [1] = 2, [2] = 1 }, counts);
    }

    [Fact]
    public async Task Groups_may_be_keyed_by_a_related_field_or_an_expression_with_parameters()
    {
        var byAuthor = Query.For<Comment>();
        var sql = db.Domain.ToSql(byAuthor, c => c.Author!.Name, a => a.Sum(c => c.Likes));
        Assert.Equal(
            "SELECT \"t1\".\"name\", COALESCE(CAST(sum(\"t0\".\"likes\") AS integer), 0) FROM \"public\".\"comments\" AS \"t0\" LEFT JOIN \"public\".\"authors\" AS \"t1\" ON \"t1\".\"id\" = \"t0\".\"author_id\" GROUP BY 1",
            sql);
        var likes = (await db.Domain.AggregateByAsync(byAuthor, c => c.Author!.Name, a => a.Sum(c => c.Likes), cancellationToken: Ct)).ToDictionary();
        Assert.Equal(new Dictionary<string, int> { ["Ada"] = 7, ["Bob"] = 4, ["Cy"] = 0 }, likes);

        // The key expression holds a parameter; GROUP BY 1 groups by the selected value, so it is sent once.
        var threshold = 2;
        Assert.Equal(
            "SELECT (\"t0\".\"likes\" > $1), count(*) FROM \"public\".\"comments\" AS \"t0\" GROUP BY 1",
            db.Domain.ToSql(Query.For<Comment>(), c => c.Likes > threshold, a => a.Count()));
        var popular = (await db.Domain.AggregateByAsync(Query.For<Comment>(), c => c.Likes > threshold, a => a.Count(), cancellationToken: Ct)).ToDictionary();
        Assert.Equal(new Dictionary<bool, long> { [true] = 2, [false] = 3 }, popular);
    }

    [Fact]
    public async Task Composite_keys_group_by_each_part_and_come_back_as_the_key_type()
    {
        var query = Query.For<Comment>();
        Assert.Equal(
            "SELECT \"t0\".\"post_id\", \"t0\".\"hidden\", count(*) FROM \"public\".\"comments\" AS \"t0\" GROUP BY 1, 2",
            db.Domain.ToSql(query, c => new { c.PostId, c.Hidden }, a => a.Count()));

        var counts = await db.Domain.AggregateByAsync(query, c => new { c.PostId, c.Hidden }, a => a.Count(), cancellationToken: Ct);
        Assert.Equal(
            [(1L, false, 2L), (1L, true, 1L), (2L, false, 1L), (3L, true, 1L)],
            counts.Select(g => (g.Key.PostId, g.Key.Hidden, g.Value)).Order());

        // A related part that is nil for some records, into a type of the caller's own.
        var likes = await db.Domain.AggregateByAsync(Query.For<Post>(), p => new AuthorScore(p.Author!.Name, p.Score > 5), a => a.Count(), cancellationToken: Ct);
        Assert.Equal(
            [("Ada", false, 1L), ("Ada", true, 1L), ("Bob", false, 1L), ("Bob", true, 1L), ("Cy", true, 1L), ("", false, 1L)],
            likes.Select(g => (g.Key.Author ?? "", g.Key.High, g.Value)).OrderBy(g => g.Item1 == "" ? "~" : g.Item1, StringComparer.Ordinal).ThenBy(g => g.Item2));
    }

    [Fact]
    public async Task A_one_part_composite_key_is_still_built_with_its_constructor()
    {
        var counts = await db.Domain.AggregateByAsync(Query.For<Comment>(), c => new { c.PostId }, a => a.Count(), cancellationToken: Ct);
        Assert.Equal([(1L, 3L), (2L, 1L), (3L, 1L)], counts.Select(g => (g.Key.PostId, g.Value)).Order());
    }

    [Fact]
    public async Task A_nil_key_for_a_non_nullable_key_type_is_a_typed_error_not_a_zero()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.AggregateByAsync(Query.For<Post>(), p => p.Author!.Id, a => a.Count(), cancellationToken: Ct));
        Assert.Contains("group by a nullable type", error.Message, StringComparison.Ordinal);

        var counts = await db.Domain.AggregateByAsync(Query.For<Post>(), p => (long?)p.Author!.Id, a => a.Count(), cancellationToken: Ct);
        Assert.Equal(1L, counts.Single(g => g.Key is null).Value);
    }

    [Fact]
    public async Task An_overflowing_sum_is_a_typed_error_naming_the_fix()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() =>
            db.Domain.AggregateAsync(Query.For<Comment>(), a => a.Sum(c => c.Likes * 1_000_000_000), cancellationToken: Ct));

        Assert.Contains("compute it in a wider type", Assert.IsType<InvalidAttribute>(Assert.Single(error.Errors)).Message, StringComparison.Ordinal);
        Assert.Equal(11_000_000_000L, await db.Domain.AggregateAsync(Query.For<Comment>(), a => a.Sum(c => (long)c.Likes * 1_000_000_000), cancellationToken: Ct));
    }

    [Fact]
    public async Task A_decimal_sum_may_outgrow_the_column_precision()
    {
        // rating is numeric(4,1); 100 times the ratings sum to 1050.0, which numeric(4,1) cannot hold.
        Assert.Equal(1050.0m, await db.Domain.AggregateAsync(Query.For<Post>(), a => a.Sum(p => p.Rating * 100), cancellationToken: Ct));
    }

    [Fact]
    public async Task Several_aggregates_come_from_one_statement_into_a_type_of_the_callers()
    {
        var query = Query.For<Comment>();
        Assert.Equal(
            "SELECT \"t0\".\"post_id\", count(*), COALESCE(CAST(sum(\"t0\".\"likes\") AS integer), 0), max(\"t0\".\"body\") FROM \"public\".\"comments\" AS \"t0\" GROUP BY 1",
            db.Domain.ToSql(query, c => c.PostId, a => new { Comments = a.Count(), Likes = a.Sum(c => c.Likes), Last = a.Max(c => c.Body) }));

        var stats = await db.Domain.AggregateByAsync(query, c => c.PostId,
            a => new { Comments = a.Count(), Likes = a.Sum(c => c.Likes), Last = a.Max(c => c.Body) }, cancellationToken: Ct);
        Assert.Equal(
            [(1L, 3L, 8, "spam"), (2L, 1L, 1, "meh"), (3L, 1L, 2, "hidden")],
            stats.Select(g => (g.Key, g.Value.Comments, g.Value.Likes, g.Value.Last)).Order());

        var totals = await db.Domain.AggregateAsync(Query.For<Post>(), a => new PostTotals(a.Count(), a.Average(p => p.Rating), a.Min(p => (int?)p.Score)), cancellationToken: Ct);
        Assert.Equal(new PostTotals(6, 2.625m, 1), totals);
    }

    [Fact]
    public async Task An_aggregate_lambda_that_is_not_an_aggregate_is_a_typed_error()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.AggregateAsync(Query.For<Comment>(), a => a.Count() + 1, cancellationToken: Ct));
        Assert.Contains("may only call a.Count()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nil_key_is_a_group_of_its_own()
    {
        var byAuthor = await db.Domain.AggregateByAsync(Query.For<Post>(), p => p.AuthorId, a => a.Count(), cancellationToken: Ct);
        Assert.Equal([(null, 1L), (1L, 2L), (2L, 2L), (3L, 1L)], byAuthor.Select(g => (g.Key, g.Value)).OrderBy(g => g.Key ?? 0));
    }

    [Fact]
    public async Task Query_wide_aggregates_have_linq_types_and_nil_rules()
    {
        var comments = Query.For<Comment>();
        Assert.Equal(11, await db.Domain.AggregateAsync(comments, a => a.Sum(c => c.Likes), cancellationToken: Ct));
        Assert.Equal(11L, await db.Domain.AggregateAsync(comments, a => a.Sum(c => (long)c.Likes), cancellationToken: Ct));
        Assert.Equal(5, await db.Domain.AggregateAsync(comments, a => a.Max(c => c.Likes), cancellationToken: Ct));
        Assert.Equal(0, await db.Domain.AggregateAsync(comments, a => a.Min(c => c.Likes), cancellationToken: Ct));
        Assert.Equal(2.2, await db.Domain.AggregateAsync(comments, a => a.Average(c => c.Likes), cancellationToken: Ct));
        Assert.Equal("great", await db.Domain.AggregateAsync(comments, a => a.Min(c => c.Body.ToUpper()), cancellationToken: Ct) is { } s ? s.ToLowerInvariant() : null);
        Assert.Equal(3L, await db.Domain.AggregateAsync(comments, a => a.Count(c => c.AuthorId, distinct: true), cancellationToken: Ct));
        Assert.Equal(5L, await db.Domain.AggregateAsync(Query.For<Post>(), a => a.Count(p => p.AuthorId), cancellationToken: Ct));
        Assert.Equal(2.625m, await db.Domain.AggregateAsync(Query.For<Post>(), a => a.Average(p => p.Rating), cancellationToken: Ct));

        // No records: sums and counts are 0, the others nil (seen through a nullable field type).
        var none = Query.For<Comment>().Filter(c => c.Likes > 100);
        Assert.Equal(0, await db.Domain.AggregateAsync(none, a => a.Sum(c => c.Likes), cancellationToken: Ct));
        Assert.Equal(0L, await db.Domain.AggregateAsync(none, a => a.Count(), cancellationToken: Ct));
        Assert.Null(await db.Domain.AggregateAsync(none, a => a.Max(c => (int?)c.Likes), cancellationToken: Ct));
        Assert.Null(await db.Domain.AggregateAsync(none, a => a.Average(c => c.Likes), cancellationToken: Ct));
        Assert.Equal("SELECT CAST(avg(\"t0\".\"likes\") AS double precision) FROM \"public\".\"comments\" AS \"t0\" WHERE (\"t0\".\"likes\" > $1)",
            db.Domain.ToSql(none, a => a.Average(c => c.Likes)));
    }

    [Fact]
    public async Task Count_and_exists_follow_the_filter_through_relationships()
    {
        var adaPosts = Query.For<Post>().Filter(p => p.Author!.Name == "Ada");
        Assert.Equal(2L, await db.Domain.CountAsync(adaPosts, cancellationToken: Ct));
        Assert.Equal(4L, await db.Domain.CountAsync(Query.For<Post>().Filter(p => p.Score > 4), cancellationToken: Ct));
        Assert.True(await db.Domain.ExistsAsync(Query.For<Post>().Filter(p => p.Comments!.Any(c => c.Hidden)), cancellationToken: Ct));
        Assert.False(await db.Domain.ExistsAsync(Query.For<Post>().Filter(p => p.Title == "nope"), cancellationToken: Ct));
        Assert.Equal(
            "SELECT EXISTS (SELECT 1 FROM \"public\".\"posts\" AS \"t0\" LEFT JOIN \"public\".\"authors\" AS \"t1\" ON \"t1\".\"id\" = \"t0\".\"author_id\" WHERE (\"t1\".\"name\" = $1))",
            AggregateQueryCompiler.Compile(db.Domain.Model,
                new QueryPlanner(db.Domain.Model, db.Domain.Model.InputLimits).Aggregate(adaPosts, null, null, null)).Text);
    }

    [Fact]
    public async Task Meaningless_aggregates_and_paged_queries_are_typed_errors_before_any_sql()
    {
        var before = db.Domain.Postgres().CommandCount;
        var sumOfText = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.AggregateAsync(Query.For<Comment>(), a => a.Sum(c => c.Body), cancellationToken: Ct));
        Assert.Contains("sum needs a numeric field", sumOfText.Message, StringComparison.Ordinal);
        Assert.Equal("Comment", Assert.Single(sumOfText.Errors).Resource);

        var maxOfBool = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.AggregateAsync(Query.For<Comment>(), a => a.Max(c => c.Hidden), cancellationToken: Ct));
        Assert.Contains("max needs a field with an order", maxOfBool.Message, StringComparison.Ordinal);
        var minOfUuid = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.AggregateAsync(Query.For<Post>(), a => a.Min(p => p.ExternalId), cancellationToken: Ct));
        Assert.Contains("min needs a field with an order", minOfUuid.Message, StringComparison.Ordinal);

        var limited = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.AggregateByAsync(Query.For<Comment>().Limit(2), c => c.PostId, a => a.Count(), cancellationToken: Ct));
        Assert.Contains("takes a filter only", limited.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CountAsync(Query.For<Comment>().Offset(1), cancellationToken: Ct));
        Assert.Equal(before, db.Domain.Postgres().CommandCount);
    }
}

/// <summary>A group key of the caller's own type, built from its constructor.</summary>
internal sealed record AuthorScore(string? Author, bool High);

/// <summary>Several query-wide aggregates, built from its constructor.</summary>
internal sealed record PostTotals(long Posts, decimal? AverageRating, int? LowestScore);
