namespace Ashlar.Benchmarks.Model;

/// <summary>A comment as the raw Npgsql and Dapper contenders read it.</summary>
public sealed class CommentRow
{
    public long Id { get; set; }

    public string Body { get; set; } = "";

    public long PostId { get; set; }

    public long AuthorId { get; set; }
}
