using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Ashlar.Resources;
using Ashlar.Testing;
using Ashlar.Types;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class LoadCacheTests(BlogFixture db, LoadCacheTests.ShelfFixture shelves) : IClassFixture<BlogFixture>, IClassFixture<LoadCacheTests.ShelfFixture>
{
    private static readonly AttributeType LongKey = AttributeType.Of(TypeKind.Long, typeof(long));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_load_of_the_same_shape_is_served_from_the_cache_with_its_own_keys()
    {
        var cache = db.Domain.Postgres().SqlCache;
        var (hits, misses) = (cache.LoadHits, cache.LoadMisses);

        Assert.Equal([[1L, 2, 3], [4], [5]], await CommentIds(Query.For<Post>().Filter(p => p.Id <= 3)));
        Assert.Equal(misses + 1, cache.LoadMisses);
        Assert.Equal([[], [], []], await CommentIds(Query.For<Post>().Filter(p => p.Id >= 4)));
        Assert.Equal([[4L]], await CommentIds(Query.For<Post>().Filter(p => p.Id == 2)));
        Assert.Equal(hits + 2, cache.LoadHits);
        Assert.Equal(misses + 1, cache.LoadMisses);
    }

    [Fact]
    public async Task Another_limit_or_filter_is_another_load_shape_with_its_own_sql_and_rows()
    {
        var cache = db.Domain.Postgres().SqlCache;
        var misses = cache.LoadMisses;
        var one = Load(c => c.Sort(x => x.Likes, descending: true).Limit(1));
        var two = Load(c => c.Sort(x => x.Likes, descending: true).Limit(2));
        var liked = Load(c => c.Filter(x => x.Likes >= 2).Sort(x => x.Id));
        var hidden = Load(c => c.Filter(x => x.Hidden).Sort(x => x.Id));

        Assert.Equal(4, new[] { Sql(one), Sql(two), Sql(liked), Sql(hidden) }.Distinct().Count());
        Assert.Contains("LIMIT 1", Sql(one), StringComparison.Ordinal);
        Assert.Contains("LIMIT 2", Sql(two), StringComparison.Ordinal);
        Assert.Equal(misses + 4, cache.LoadMisses);

        Assert.Equal([[3L], [4], [5]], await CommentIds(Query.For<Post>().Filter(p => p.Id <= 3), c => c.Sort(x => x.Likes, descending: true).Limit(1)));
        Assert.Equal([[3L, 1], [4], [5]], await CommentIds(Query.For<Post>().Filter(p => p.Id <= 3), c => c.Sort(x => x.Likes, descending: true).Limit(2)));

        // The same filter shape with another value is a hit, and reads the new value.
        var hits = cache.LoadHits;
        var likes = 2;
        Assert.Equal([[1L, 3], [], [5]], await CommentIds(Query.For<Post>().Filter(p => p.Id <= 3), c => c.Filter(x => x.Likes >= likes).Sort(x => x.Id)));
        likes = 5;
        Assert.Equal([[3L], [], []], await CommentIds(Query.For<Post>().Filter(p => p.Id <= 3), c => c.Filter(x => x.Likes >= likes).Sort(x => x.Id)));
        Assert.Equal(hits + 2, cache.LoadHits);

        Ashlar.DataLayer.LoadPlan Load(Func<Query<Comment>, Query<Comment>> configure) =>
            new QueryPlanner(db.Domain.Model, db.Domain.Model.InputLimits).Read(BlogFixture.Model.Resource<Post>(), Query.For<Post>().Load(p => p.Comments, configure), null).Loads[0];

        string Sql(Ashlar.DataLayer.LoadPlan load) => cache.Load(load, new long[] { 1, 2 }, LongKey, null).Text;
    }

    [Fact]
    public void Another_key_type_is_another_statement()
    {
        var cache = db.Domain.Postgres().SqlCache;
        var load = new QueryPlanner(db.Domain.Model, db.Domain.Model.InputLimits).Read(BlogFixture.Model.Resource<Post>(), Query.For<Post>().Load(p => p.Comments), null).Loads[0];
        var misses = cache.LoadMisses;

        var asLong = cache.Load(load, new long[] { 1 }, LongKey, null);
        var asInt = cache.Load(load, new int[] { 1 }, AttributeType.Of(TypeKind.Integer, typeof(int)), null);

        Assert.Equal(misses + 2, cache.LoadMisses);
        Assert.IsType<long[]>(asLong.Parameters[0].Value);
        Assert.IsType<int[]>(asInt.Parameters[0].Value);
        Assert.NotEqual(asLong.Parameters[0].Type, asInt.Parameters[0].Type);
    }

    [Fact]
    public async Task Loads_take_one_round_trip_per_level_when_cached()
    {
        var query = Query.For<Author>().Sort(a => a.Id)
            .Load(a => a.Posts, p => p.Sort(x => x.Id).Load(x => x.Comments, c => c.Sort(x => x.Id).Load(x => x.Author)));
        await db.Domain.ReadAsync(query, cancellationToken: Ct);
        var cache = db.Domain.Postgres().SqlCache;
        var (hits, before) = (cache.LoadHits, db.Domain.Postgres().CommandCount);

        var authors = await db.Domain.ReadAsync(query, cancellationToken: Ct);

        Assert.Equal(4, db.Domain.Postgres().CommandCount - before);
        Assert.Equal(hits + 3, cache.LoadHits);
        Assert.Equal([[1L, 2], [3, 4], [5]], authors.Select(a => a.Posts!.Select(p => p.Id).ToArray()));
        Assert.Equal(["Bob", "Cy", "Ada"], authors[0].Posts![0].Comments!.Select(c => c.Author?.Name));
    }

    [Fact]
    public async Task Text_keys_load_into_arrays_and_parents_sharing_a_key_get_lists_of_their_own()
    {
        var read = await shelves.Domain.ReadAsync(Query.For<Shelf>().Sort(s => s.Id).Load(s => s.Books, b => b.Sort(x => x.Id)), cancellationToken: Ct);

        Assert.Equal([["Dune", "Emma"], ["Ulysses"], ["Dune", "Emma"], []], read.Select(s => s.Books!.Select(b => b.Title).ToArray()));
        Assert.NotSame(read[0].Books, read[2].Books);

        var books = await shelves.Domain.ReadAsync(Query.For<Book>().Sort(b => b.Id).Load(b => b.Shelf), cancellationToken: Ct);
        Assert.Equal(["A", "A", "B", null], books.Select(b => b.Shelf?.Code));
    }

    private async Task<long[][]> CommentIds(Query<Post> query, Func<Query<Comment>, Query<Comment>>? configure = null)
    {
        var posts = await db.Domain.ReadAsync(query.Sort(p => p.Id).Load(p => p.Comments, configure ?? (c => c.Sort(x => x.Id))), cancellationToken: Ct);
        return [.. posts.Select(p => p.Comments!.Select(c => c.Id).ToArray())];
    }

    /// <summary>Shelves keyed by a text code (not unique: two shelves share one), and books that may have no shelf.</summary>
    public sealed class ShelfFixture : DatabaseFixture
    {
        private Domain? _domain;

        public Domain Domain => _domain ?? throw new InvalidOperationException("Not initialised.");

        protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
        {
            _domain = PostgresDomain.Create(DomainModel.Build("library", d => d.Resource<Shelf>().Resource<Book>()), pg => pg.Repo<ShelfRepo>(DataSource));
            await _domain.Postgres().CreateSchemaAsync(ct);
            await using var command = DataSource.CreateCommand("""
                INSERT INTO shelves (id, code) VALUES (1, 'A'), (2, 'B'), (3, 'A'), (4, 'C');
                INSERT INTO books (id, title, shelf_code, shelf_id) VALUES (1, 'Dune', 'A', 1), (2, 'Emma', 'A', 1), (3, 'Ulysses', 'B', 2), (4, 'Loose', NULL, NULL);
                """);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public sealed class ShelfRepo : PostgresRepo;

    public sealed class Shelf : IResource<Shelf>
    {
        public long Id { get; set; }

        public string Code { get; set; } = "";

        public Book[]? Books { get; set; }

        public static void Define(ResourceBuilder<Shelf> r)
        {
            r.IntegerPrimaryKey(s => s.Id);
            r.Attribute(s => s.Code);
            r.HasMany(s => s.Books, h => h.SourceAttribute(s => s.Code).DestinationAttribute(b => b.ShelfCode));
            r.DefaultActions();
            r.Postgres(pg => pg.Table("shelves").Repo<ShelfRepo>());
        }
    }

    public sealed class Book : IResource<Book>
    {
        public long Id { get; set; }

        public string Title { get; set; } = "";

        public string? ShelfCode { get; set; }

        public long? ShelfId { get; set; }

        public Shelf? Shelf { get; set; }

        public static void Define(ResourceBuilder<Book> r)
        {
            r.IntegerPrimaryKey(b => b.Id);
            r.Attribute(b => b.Title);
            r.Attribute(b => b.ShelfCode);
            r.BelongsTo(b => b.Shelf);
            r.DefaultActions();
            r.Postgres(pg => pg.Table("books").Repo<ShelfRepo>());
        }
    }
}
