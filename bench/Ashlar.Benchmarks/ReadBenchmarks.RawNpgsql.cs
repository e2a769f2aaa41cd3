using Ashlar.Benchmarks.Model;
using BenchmarkDotNet.Attributes;
using Npgsql;

namespace Ashlar.Benchmarks;

/// <summary>The floor: hand-written Npgsql, positional parameters, prepared statements, typed reads by ordinal.</summary>
public partial class ReadBenchmarks
{
    private const string PostColumns = "id, title, body, score, published, author_id";

    [Benchmark(Baseline = true, Description = "Raw Npgsql (prepared)")]
    [BenchmarkCategory(GetByPk)]
    public async Task<PostRow?> Raw_GetByPk()
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT {PostColumns} FROM posts WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = NextId() });
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? ReadPost(reader) : null;
    }

    [Benchmark(Baseline = true, Description = "Raw Npgsql (prepared)")]
    [BenchmarkCategory(Top1000)]
    public async Task<List<PostRow>> Raw_Top1000()
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT {PostColumns} FROM posts WHERE score > $1 AND published ORDER BY score DESC, id LIMIT 1000", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 5000 });
        await command.PrepareAsync();
        return await ReadPosts(command);
    }

    [Benchmark(Baseline = true, Description = "Raw Npgsql (prepared, 2 round trips)")]
    [BenchmarkCategory(PostsWithComments)]
    public async Task<List<PostRow>> Raw_PostsWithComments()
    {
        var ids = NextHundred();
        await using var connection = await _source.OpenConnectionAsync();
        await using var postsCommand = new NpgsqlCommand($"SELECT {PostColumns} FROM posts WHERE id = ANY($1)", connection);
        postsCommand.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ids });
        await postsCommand.PrepareAsync();
        var posts = await ReadPosts(postsCommand);
        var byId = new Dictionary<long, PostRow>(posts.Count);
        foreach (var post in posts)
        {
            post.Comments = [];
            byId[post.Id] = post;
        }

        await using var commentsCommand = new NpgsqlCommand("SELECT id, body, post_id, author_id FROM comments WHERE post_id = ANY($1)", connection);
        commentsCommand.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ids });
        await commentsCommand.PrepareAsync();
        await using var reader = await commentsCommand.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var comment = new CommentRow { Id = reader.GetInt64(0), Body = reader.GetString(1), PostId = reader.GetInt64(2), AuthorId = reader.GetInt64(3) };
            byId[comment.PostId].Comments!.Add(comment);
        }

        return posts;
    }

    [Benchmark(Baseline = true, Description = "Raw Npgsql (prepared)")]
    [BenchmarkCategory(CommentCounts)]
    public async Task<Dictionary<long, long>> Raw_CommentCounts()
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT post_id, count(*) FROM comments WHERE post_id = ANY($1) GROUP BY post_id", connection);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = NextThousand() });
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<long, long>();
        while (await reader.ReadAsync())
        {
            counts[reader.GetInt64(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private static PostRow ReadPost(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Title = reader.GetString(1),
        Body = reader.GetString(2),
        Score = reader.GetInt32(3),
        Published = reader.GetBoolean(4),
        AuthorId = reader.GetInt64(5),
    };

    private static async Task<List<PostRow>> ReadPosts(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var posts = new List<PostRow>();
        while (await reader.ReadAsync())
        {
            posts.Add(ReadPost(reader));
        }

        return posts;
    }
}
