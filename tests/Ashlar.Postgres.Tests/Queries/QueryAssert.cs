using System.Linq.Expressions;
using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries;

/// <summary>Runs a filter on the real server and checks both the SQL after FROM and the ids of the rows returned.</summary>
internal static class QueryAssert
{
    public static async Task Filters(Domain domain, Expression<Func<Post, bool>> filter, string where, params long[] ids)
    {
        var query = Query.For<Post>().Filter(filter);
        Assert.Equal("WHERE " + where, Where(domain.ToSql(query)));
        var rows = await domain.ReadAsync(query, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ids, rows.Select(p => p.Id).Order().ToArray());
    }

    public static async Task Filters<T>(Domain domain, Expression<Func<T, bool>> filter, string where, Func<T, long> id, params long[] ids)
        where T : class
    {
        var query = Query.For<T>().Filter(filter);
        Assert.Equal("WHERE " + where, Where(domain.ToSql(query)));
        var rows = await domain.ReadAsync(query, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ids, rows.Select(id).Order().ToArray());
    }

    /// <summary>The SQL from WHERE on.</summary>
    public static string Where(string sql) => sql[sql.IndexOf("WHERE ", StringComparison.Ordinal)..];

    /// <summary>The SQL from FROM on.</summary>
    public static string From(string sql) => sql[sql.IndexOf("FROM ", StringComparison.Ordinal)..];
}
