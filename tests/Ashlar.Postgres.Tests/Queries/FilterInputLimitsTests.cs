using System.Linq.Expressions;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Expressions.Input;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries;

/// <summary>
/// Wide and huge filters end in a typed error before SQL, or within raised limits run and return the right rows; no
/// input overflows the stack (before the fix, 10,000 siblings ended the test host with a stack overflow).
/// </summary>
public sealed class FilterInputLimitsTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static readonly InputLimits Wide = new() { MaxConditions = 1_000_000, MaxInputBytes = 64 * 1024 * 1024 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Domain WideDomain => PostgresDomain.Create(
        DomainModel.Build("blog-wide", d => d.UseInputLimits(Wide)
            .Resource<Author>().Resource<Profile>().Resource<Post>().Resource<Comment>().Resource<Category>().Resource<PostCategory>()),
        pg => pg.Repo<BlogRepo>(db.DataSource));

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private static string List(int count, Func<int, string> item)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(item(i));
        }

        return json.Append(']').ToString();
    }

    /// <summary>10,000 alternatives of which only the last matches a row (post 3).</summary>
    private static string TenThousandSiblings() =>
        "{\"or\": " + List(10_000, i => i == 9_999 ? "{\"id\": {\"eq\": 3}}" : "{\"score\": {\"eq\": " + (1_000 + i) + "}}") + "}";

    private static async Task<long[]> Ids(Domain domain, Query<Post> query) =>
        (await domain.ReadAsync(query, cancellationToken: Ct)).Select(p => p.Id).Order().ToArray();

    private async Task<AshlarError> Refused(string json)
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Post>().FilterInput(Json(json)), cancellationToken: Ct));
        return Assert.Single(error.Errors);
    }

    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
#pragma warning disable CA1031 // Rethrown on the test's thread.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    error = ExceptionDispatchInfo.Capture(e);
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        error?.Throw();
        return result;
    }

    [Fact]
    public async Task Ten_thousand_sibling_conditions_are_refused_before_sql()
    {
        var error = Assert.IsType<InvalidFilterSize>(await Refused(TenThousandSiblings()));

        Assert.Equal("Post", error.Resource);
        Assert.Contains("more than 1,000 conditions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hundred_thousand_keys_or_nots_are_refused_before_sql()
    {
        var keys = "{" + string.Join(",", Enumerable.Range(0, 100_000).Select(i => "\"k" + i + "\": 1")) + "}";
        var nots = List(100_000, i => "{\"not\": {\"score\": " + i + "}}");

        Assert.IsType<InvalidFilterSize>(await Refused(keys));
        Assert.IsType<InvalidFilterSize>(await Refused(nots));
    }

    [Fact]
    public async Task Within_raised_limits_ten_thousand_siblings_run_and_return_the_right_rows()
    {
        var domain = WideDomain;
        var query = Query.For<Post>().FilterInput(Json(TenThousandSiblings()));

        Assert.StartsWith("SELECT", OnSmallStack(() => domain.ToSql(query)), StringComparison.Ordinal);
        Assert.Equal<long[]>([3], await Ids(domain, query));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_ten_thousand_term_linq_or_chain_runs_and_returns_the_right_rows(bool leftDeep)
    {
        var p = Expression.Parameter(typeof(Post), "p");
        Expression IdIs(long id) => Expression.Equal(Expression.Property(p, nameof(Post.Id)), Expression.Constant(id));
        var body = IdIs(4);
        for (var i = 0; i < 10_000; i++)
        {
            body = leftDeep ? Expression.OrElse(body, IdIs(1_000 + i)) : Expression.OrElse(IdIs(1_000 + i), body);
        }

        var query = Query.For<Post>().Filter(Expression.Lambda<Func<Post, bool>>(body, p));

        Assert.StartsWith("SELECT", OnSmallStack(() => db.Domain.ToSql(query)), StringComparison.Ordinal);
        Assert.Equal<long[]>([4], await Ids(db.Domain, query));
    }

    [Fact]
    public async Task Ten_thousand_filter_calls_run_and_return_the_right_rows()
    {
        var query = Query.For<Post>();
        for (var i = 0; i < 10_000; i++)
        {
            var excluded = 1_000L + i;
            query = query.Filter(p => p.Id != excluded);
        }

        query = query.Filter(p => p.Score > 5);

        Assert.StartsWith("SELECT", OnSmallStack(() => db.Domain.ToSql(query)), StringComparison.Ordinal);
        Assert.Equal<long[]>([1, 3, 5], await Ids(db.Domain, query));
    }

    [Fact]
    public async Task A_value_longer_than_the_limit_is_refused_before_sql()
    {
        var error = Assert.IsType<InvalidFilterSize>(await Refused("{\"title\": {\"ilike\": \"%" + new string('a', 100_000) + "%\"}}"));

        Assert.Contains("(InputLimits.MaxValueLength)", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Ids(db.Domain, Query.For<Post>().FilterInput(Json("{\"title\": {\"ilike\": \"%" + new string('a', 4_000) + "%\"}}"))));
    }

    [Fact]
    public async Task A_huge_input_is_refused_before_sql()
    {
        var error = Assert.IsType<InvalidFilterSize>(await Refused("{\"id\": {\"in\": " + List(200_000, i => (1_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)) + "}}"));

        Assert.Contains("(InputLimits.MaxInputBytes)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"not": []}""")]
    [InlineData("""{"not": {}}""")]
    public async Task Not_of_an_empty_condition_is_refused(string json)
    {
        var error = Assert.IsType<InvalidFilterValue>(await Refused(json));

        Assert.Contains("not needs at least one condition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_and_matches_every_row_and_an_empty_or_matches_none()
    {
        Assert.Equal<long[]>([1, 2, 3, 4, 5, 6], await Ids(db.Domain, Query.For<Post>().FilterInput(Json("""{"and": []}"""))));
        Assert.Empty(await Ids(db.Domain, Query.For<Post>().FilterInput(Json("""{"or": []}"""))));
        Assert.Equal<long[]>([2, 4, 6], await Ids(db.Domain, Query.For<Post>().FilterInput(Json("""{"not": {"score": {"gte": 7}}, "or": [{}, {"id": 1}]}"""))));
        Assert.Equal<long[]>([1, 2, 3, 4, 5, 6], await Ids(db.Domain, Query.For<Post>().FilterInput(Json("""{"not": {"or": []}}"""))));
    }
}
