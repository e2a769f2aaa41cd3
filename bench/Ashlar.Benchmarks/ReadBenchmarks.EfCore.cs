using Ashlar.Benchmarks.Model;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;

namespace Ashlar.Benchmarks;

/// <summary>EF Core 10 with the Npgsql provider: pooled contexts, no tracking, LINQ.</summary>
public partial class ReadBenchmarks
{
    [Benchmark(Description = "EF Core (pooled ctx, AsNoTracking)")]
    [BenchmarkCategory(GetByPk)]
    public async Task<PostRow?> Ef_GetByPk()
    {
        var id = NextId();
        await using var context = _ef.CreateDbContext();
        return await context.Posts.FirstOrDefaultAsync(p => p.Id == id);
    }

    [Benchmark(Description = "EF Core (pooled ctx, AsNoTracking)")]
    [BenchmarkCategory(Top1000)]
    public async Task<List<PostRow>> Ef_Top1000()
    {
        var min = 5000;
        await using var context = _ef.CreateDbContext();
        return await context.Posts.Where(p => p.Score > min && p.Published).OrderByDescending(p => p.Score).ThenBy(p => p.Id).Take(1000).ToListAsync();
    }

    [Benchmark(Description = "EF Core Include + AsSplitQuery")]
    [BenchmarkCategory(PostsWithComments)]
    public async Task<List<PostRow>> Ef_PostsWithComments()
    {
        var ids = NextHundred();
        await using var context = _ef.CreateDbContext();
        return await context.Posts.Where(p => ids.Contains(p.Id)).Include(p => p.Comments).AsSplitQuery().ToListAsync();
    }

    [Benchmark(Description = "EF Core GroupBy → ToDictionaryAsync")]
    [BenchmarkCategory(CommentCounts)]
    public async Task<Dictionary<long, int>> Ef_CommentCounts()
    {
        var ids = NextThousand();
        await using var context = _ef.CreateDbContext();
        return await context.Comments.Where(c => ids.Contains(c.PostId)).GroupBy(c => c.PostId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }
}
