using Ashlar.DataLayer;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Sql.Caching;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class SqlCacheTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_shape_with_other_values_reuses_the_compiled_text()
    {
        var cache = db.Domain.Postgres().SqlCache;
        var (hits, misses) = (cache.Hits, cache.Misses);

        Assert.Equal(new long[] { 1, 3, 5 }, await Ids(7, "o"));
        Assert.Equal(misses + 1, cache.Misses);
        Assert.Equal(new long[] { 3 }, await Ids(7, "_"));          // a LIKE metacharacter, escaped in the rebound pattern
        Assert.Equal(new long[] { 2 }, await Ids(5, "%"));
        Assert.Equal(Array.Empty<long>(), await Ids(100, "o"));
        Assert.Equal(hits + 3, cache.Hits);
        Assert.Equal(misses + 1, cache.Misses);

        // A limit is one more shape; another limit or offset value is the same shape (they are parameters).
        var two = await db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Score >= 1).Sort(p => p.Id).Limit(2), cancellationToken: Ct);
        var three = await db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Score >= 1).Sort(p => p.Id).Limit(3), cancellationToken: Ct);
        Assert.Equal(misses + 2, cache.Misses);
        Assert.Equal([1L, 2], two.Select(p => p.Id));
        Assert.Equal([1L, 2, 3], three.Select(p => p.Id));
        for (var offset = 1; offset <= 5; offset++)
        {
            var page = await db.Domain.ReadAsync(Query.For<Post>().Sort(p => p.Id).Limit(1).Offset(offset), cancellationToken: Ct);
            Assert.Equal(offset + 1, Assert.Single(page).Id);
        }

        Assert.Equal(misses + 3, cache.Misses);
        Assert.EndsWith("ORDER BY \"t0\".\"id\" ASC LIMIT $1 OFFSET $2", db.Domain.ToSql(Query.For<Post>().Sort(p => p.Id).Limit(1).Offset(4)), StringComparison.Ordinal);

        async Task<long[]> Ids(int minScore, string part)
        {
            var posts = await db.Domain.ReadAsync(
                Query.For<Post>().Filter(p => p.Score >= minScore && p.Title.Contains(part)).Sort(p => p.Id).Select(p => p.Id), cancellationToken: Ct);
            return [.. posts.Select(p => p.Id)];
        }
    }

    [Fact]
    public async Task Values_that_change_the_text_are_part_of_the_shape()
    {
        var cache = db.Domain.Postgres().SqlCache;
        long[] some = [1, 2];
        long[] none = [];
        long?[] withNil = [3, null];
        var misses = cache.Misses;

        Assert.Equal(new long[] { 1, 2 }, await Ids(Query.For<Post>().Filter(p => some.Contains(p.Id))));
        Assert.Equal(Array.Empty<long>(), await Ids(Query.For<Post>().Filter(p => none.Contains(p.Id))));            // FALSE, no parameter
        Assert.Equal(new long[] { 5, 6 }, await Ids(Query.For<Post>().Filter(p => withNil.Contains(p.AuthorId)))); // = ANY($1) OR IS NULL
        Assert.Equal(misses + 3, cache.Misses);

        // Only nil is IS NULL alone, with no array: another shape than [3, nil].
        withNil = [null];
        Assert.Equal(new long[] { 6 }, await Ids(Query.For<Post>().Filter(p => withNil.Contains(p.AuthorId))));
        Assert.Equal(misses + 4, cache.Misses);

        // Same shapes again, other values: all hits, right rows.
        some = [4];
        withNil = [1, null];
        Assert.Equal(new long[] { 4 }, await Ids(Query.For<Post>().Filter(p => some.Contains(p.Id))));
        Assert.Equal(new long[] { 1, 2, 6 }, await Ids(Query.For<Post>().Filter(p => withNil.Contains(p.AuthorId))));
        Assert.Equal(misses + 4, cache.Misses);
    }

    [Fact]
    public void Shape_keys_hold_no_values_and_every_text_changing_part()
    {
        var secret = "s3cr3t-value";
        var id = 424242L;
        string Key(Query<Post> query, string? tenant = null) =>
            ShapeKey.Of(new QueryPlanner(db.Domain.Model, db.Domain.Model.InputLimits).Read(BlogFixture.Model.Resource<Post>(), query, tenant)).Key;

        var key = Key(Query.For<Post>().Filter(p => p.Title == secret && p.Id != id));
        Assert.DoesNotContain(secret, key, StringComparison.Ordinal);
        Assert.DoesNotContain("424242", key, StringComparison.Ordinal);
        var other = "x";
        Assert.Equal(key, Key(Query.For<Post>().Filter(p => p.Title == other && p.Id != 1)));

        Assert.NotEqual(Key(Query.For<Post>()), Key(Query.For<Post>(), tenant: "acme"));
        Assert.Equal(Key(Query.For<Post>(), tenant: "globex"), Key(Query.For<Post>(), tenant: "acme"));
        Assert.Equal(Key(Query.For<Post>().Limit(1)), Key(Query.For<Post>().Limit(2)));
        Assert.NotEqual(Key(Query.For<Post>().Limit(1)), Key(Query.For<Post>()));
        Assert.NotEqual(Key(Query.For<Post>().Limit(1)), Key(Query.For<Post>().Limit(1).Offset(1)));
        Assert.NotEqual(Key(Query.For<Post>().Sort(p => p.Id)), Key(Query.For<Post>().Sort(p => p.Id, descending: true)));
        Assert.NotEqual(Key(Query.For<Post>().Filter(p => p.Score > 1)), Key(Query.For<Post>().Filter(p => p.Score >= 1)));
        Assert.NotEqual(Key(Query.For<Post>()), Key(Query.For<Post>().LoadAggregate(p => p.CommentCount)));
        Assert.NotEqual(Key(Query.For<Post>()), Key(Query.For<Post>().Lock(LockKind.ForUpdate)));
        Assert.NotEqual(Key(Query.For<Post>()), Key(Query.For<Post>().Select(p => p.Title)));
    }

    private async Task<long[]> Ids(Query<Post> query) =>
        [.. (await db.Domain.ReadAsync(query.Sort(p => p.Id), cancellationToken: Ct)).Select(p => p.Id)];
}
