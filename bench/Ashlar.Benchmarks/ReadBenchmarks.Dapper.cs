using Ashlar.Benchmarks.Model;
using BenchmarkDotNet.Attributes;
using Dapper;

namespace Ashlar.Benchmarks;

/// <summary>Dapper: the same SQL, named parameters, snake_case mapping, unprepared (Npgsql's default).</summary>
public partial class ReadBenchmarks
{
    [Benchmark(Description = "Dapper")]
    [BenchmarkCategory(GetByPk)]
    public async Task<PostRow?> Dapper_GetByPk()
    {
        await using var connection = await _source.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<PostRow>($"SELECT {PostColumns} FROM posts WHERE id = @id", new { id = NextId() });
    }

    [Benchmark(Description = "Dapper")]
    [BenchmarkCategory(Top1000)]
    public async Task<List<PostRow>> Dapper_Top1000()
    {
        await using var connection = await _source.OpenConnectionAsync();
        return (await connection.QueryAsync<PostRow>(
            $"SELECT {PostColumns} FROM posts WHERE score > @min AND published ORDER BY score DESC, id LIMIT 1000", new { min = 5000 })).AsList();
    }

    [Benchmark(Description = "Dapper (2 round trips)")]
    [BenchmarkCategory(PostsWithComments)]
    public async Task<List<PostRow>> Dapper_PostsWithComments()
    {
        var ids = NextHundred();
        await using var connection = await _source.OpenConnectionAsync();
        var posts = (await connection.QueryAsync<PostRow>($"SELECT {PostColumns} FROM posts WHERE id = ANY(@ids)", new { ids })).AsList();
        var comments = await connection.QueryAsync<CommentRow>("SELECT id, body, post_id, author_id FROM comments WHERE post_id = ANY(@ids)", new { ids });
        var byPost = comments.ToLookup(c => c.PostId);
        foreach (var post in posts)
        {
            post.Comments = [.. byPost[post.Id]];
        }

        return posts;
    }

    [Benchmark(Description = "Dapper")]
    [BenchmarkCategory(CommentCounts)]
    public async Task<Dictionary<long, long>> Dapper_CommentCounts()
    {
        await using var connection = await _source.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(long PostId, long Count)>(
            "SELECT post_id, count(*) FROM comments WHERE post_id = ANY(@ids) GROUP BY post_id", new { ids = NextThousand() });
        return rows.ToDictionary(r => r.PostId, r => r.Count);
    }
}
