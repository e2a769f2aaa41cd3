using System.Text.Json;
using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;
using static Ashlar.Postgres.Tests.Queries.QueryAssert;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class FilterInputTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private async Task<long[]> Ids(Query<Post> query) =>
        (await db.Domain.ReadAsync(query, cancellationToken: Ct)).Select(p => p.Id).Order().ToArray();

    [Fact]
    public async Task Json_filters_compile_to_the_same_sql_as_lambdas()
    {
        var input = Query.For<Post>().FilterInput(Json("""{"score": {"gt": 5}, "author": {"name": {"eq": "Ada"}}}"""));
        var typed = Query.For<Post>().Filter(p => p.Score > 5 && p.Author!.Name == "Ada");

        Assert.Equal(db.Domain.ToSql(typed), db.Domain.ToSql(input));
        Assert.Equal<long[]>([1], await Ids(input));
    }

    [Fact]
    public async Task Or_not_in_is_nil_and_string_operators()
    {
        Assert.Equal<long[]>([2, 3, 5], await Ids(Query.For<Post>().FilterInput(Json("""{"or": [{"rating": {"is_nil": true}}, {"title": {"contains": "_"}}]}"""))));
        Assert.Equal<long[]>([2, 4, 6], await Ids(Query.For<Post>().FilterInput(Json("""{"not": {"score": {"gte": 7}}}"""))));
        Assert.Equal<long[]>([2, 4], await Ids(Query.For<Post>().FilterInput(Json("""{"id": {"in": [2, 4, 99]}}"""))));
        Assert.Equal<long[]>([2], await Ids(Query.For<Post>().FilterInput(Json("""{"title": {"starts_with": "100%"}}"""))));
        Assert.Equal<long[]>([1], await Ids(Query.For<Post>().FilterInput(Json("""{"title": {"ilike": "hello%"}, "score": 10}"""))));
        Assert.Equal<long[]>([1, 3, 4, 6], await Ids(Query.For<Post>().FilterInput(Json("""{"rating": {"not_eq": null}}"""))));
    }

    [Fact]
    public async Task To_many_relationships_become_exists()
    {
        var query = Query.For<Post>().FilterInput(Json("""{"comments": {"likes": {"gte": 3}}}"""));

        Assert.Equal(
            "WHERE EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t1\" WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND (\"t1\".\"likes\" >= $1))",
            Where(db.Domain.ToSql(query)));
        Assert.Equal<long[]>([1], await Ids(query));
    }

    [Fact]
    public async Task Public_aggregates_and_calculations_can_be_filtered_and_sorted_by_input()
    {
        Assert.Equal<long[]>([1, 2, 3], await Ids(Query.For<Post>().FilterInput(Json("""{"comment_count": {"gte": 1}}"""))));
        Assert.Equal<long[]>([1], await Ids(Query.For<Post>().FilterInput(Json("""{"boosted": {"gt": 15}}"""))));
        Assert.Equal<long[]>([3], await Ids(Query.For<Post>().FilterInput(Json("""{"comments": {"post": {"comment_count": 1}}, "has_hidden_comments": true}"""))));

        var sorted = await db.Domain.ReadAsync(Query.For<Post>().SortInput("-comment_count,-boosted"), cancellationToken: Ct);
        Assert.Equal([1L, 3, 2, 5, 6, 4], sorted.Select(p => p.Id));
    }

    [Theory]
    [InlineData("""{"secret": "s1"}""", "there is no field 'secret' on Post")]
    [InlineData("""{"nope": 1}""", "there is no field 'nope' on Post")]
    [InlineData("""{"author": {"email\"; DROP TABLE posts; --": "x"}}""", "there is no field 'email\"; DROP TABLE posts; --' on Author")]
    [InlineData("""{"score": {"regex": ".*"}}""", "'regex' is not a supported operator for score")]
    [InlineData("""{"score": {"contains": "1"}}""", "'contains' is not a supported operator for score")]
    public async Task Unknown_private_fields_and_operators_are_invalid_references(string json, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Post>().FilterInput(Json(json)), cancellationToken: Ct));

        var reference = Assert.IsType<InvalidFilterReference>(Assert.Single(error.Errors));
        Assert.StartsWith(message, reference.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"external_id": "abc"}""", "external_id")]
    [InlineData("""{"score": {"gt": "1; DROP TABLE posts"}}""", "score")]
    [InlineData("""{"score": "1.5"}""", "score")]
    [InlineData("""{"id": {"in": ["x"]}}""", "id")]
    [InlineData("""{"title": "a\u0000b"}""", "title")]
    [InlineData("""{"published_at": {"lt": "yesterday"}}""", "published_at")]
    public async Task Values_of_the_wrong_type_are_invalid_values(string json, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Post>().FilterInput(Json(json)), cancellationToken: Ct));

        Assert.Equal(field, Assert.IsType<InvalidFilterValue>(Assert.Single(error.Errors)).Field);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(
            Query.For<Post>().FilterInput(Json("""{"nope": 1, "score": "x", "secret": {"eq": 1}}""")), cancellationToken: Ct));

        Assert.Equal(3, error.Errors.Count);
    }

    [Fact]
    public async Task Injection_through_values_stays_a_value()
    {
        string[] attempts = ["' OR 1=1 --", "x'); DROP TABLE posts; --", "%", "\\", "$1", "'; SELECT pg_sleep(10); --"];
        foreach (var attempt in attempts)
        {
            var query = Query.For<Post>().FilterInput(JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["title"] = attempt }));
            if (attempt.Length >= 4)
            {
                Assert.DoesNotContain(attempt, db.Domain.ToSql(query), StringComparison.Ordinal);
            }

            Assert.Empty(await Ids(query));
        }

        Assert.Equal(6, (await Ids(Query.For<Post>())).Length);
    }

    [Fact]
    public async Task Deeply_nested_input_is_refused_without_overflowing_the_stack()
    {
        var json = string.Concat(Enumerable.Repeat("""{"not":""", 10_000)) + "{}" + new string('}', 10_000);
        var deep = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 20_000 }).RootElement;

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Post>().FilterInput(deep), cancellationToken: Ct));
        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }
}
