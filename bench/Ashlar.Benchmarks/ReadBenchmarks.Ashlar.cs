using Ashlar.Benchmarks.Model;
using Ashlar.Queries;
using BenchmarkDotNet.Attributes;

namespace Ashlar.Benchmarks;

/// <summary>Ashlar: typed queries through the domain, compiled to SQL by the Postgres data layer.</summary>
public partial class ReadBenchmarks
{
    [Benchmark(Description = "Ashlar")]
    [BenchmarkCategory(GetByPk)]
    public Task<Post?> Ashlar_GetByPk() => _db.Domain.FindAsync<Post>(NextId());

    [Benchmark(Description = "Ashlar")]
    [BenchmarkCategory(Top1000)]
    public Task<IReadOnlyList<Post>> Ashlar_Top1000()
    {
        var min = 5000;
        return _db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Score > min && p.Published)
            .Sort(p => p.Score, descending: true).Sort(p => p.Id).Limit(1000));
    }

    [Benchmark(Description = "Ashlar Load (2 round trips)")]
    [BenchmarkCategory(PostsWithComments)]
    public Task<IReadOnlyList<Post>> Ashlar_PostsWithComments()
    {
        var ids = NextHundred();
        return _db.Domain.ReadAsync(Query.For<Post>().Filter(p => ids.Contains(p.Id)).Load(p => p.Comments));
    }

    [Benchmark(Description = "Ashlar AggregateByAsync")]
    [BenchmarkCategory(CommentCounts)]
    public async Task<Dictionary<long, long>> Ashlar_CommentCounts()
    {
        var ids = NextThousand();
        var counts = await _db.Domain.AggregateByAsync(Query.For<Comment>().Filter(c => ids.Contains(c.PostId)), c => c.PostId, a => a.Count());
        return counts.ToDictionary();
    }

    [Benchmark(Description = "Ashlar posts + LoadAggregate")]
    [BenchmarkCategory(CommentCounts)]
    public async Task<Dictionary<long, int>> Ashlar_PostsWithCommentCounts()
    {
        var ids = NextThousand();
        var posts = await _db.Domain.ReadAsync(Query.For<Post>().Filter(p => ids.Contains(p.Id)).Select(p => p.Id).LoadAggregate(p => p.CommentCount));
        return posts.ToDictionary(p => p.Id, p => p.CommentCount ?? 0);
    }
}
