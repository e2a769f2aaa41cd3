using Ashlar.Benchmarks.EfCore;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Ashlar.Benchmarks;

/// <summary>
/// The four read workloads, one category each, every contender side by side with raw prepared Npgsql as the
/// baseline. Each contender lives in its own partial file.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class ReadBenchmarks
{
    public const string GetByPk = "1 GetByPk";
    public const string Top1000 = "2 Top1000Filtered";
    public const string PostsWithComments = "3 PostsWithComments";
    public const string CommentCounts = "4 CommentCounts";

    private BenchDatabase _db = null!;
    private NpgsqlDataSource _source = null!;
    private PooledDbContextFactory<BlogContext> _ef = null!;
    private int _next;

    [GlobalSetup]
    public async Task Setup()
    {
        _db = await BenchDatabase.GetAsync();
        _source = _db.DataSource;
        _ef = new PooledDbContextFactory<BlogContext>(new DbContextOptionsBuilder<BlogContext>()
            .UseNpgsql(_source).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options);
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    private long NextId() => _db.PostIds[_next++ & 1023];

    private long[] NextHundred() => _db.HundredIdLists[_next++ & 63];

    private long[] NextThousand() => _db.ThousandIdLists[_next++ & 15];
}
