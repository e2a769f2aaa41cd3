namespace Ashlar.Benchmarks.Model;

/// <summary>A post as the raw Npgsql and Dapper contenders read it.</summary>
public sealed class PostRow
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public int Score { get; set; }

    public bool Published { get; set; }

    public long AuthorId { get; set; }

    public List<CommentRow>? Comments { get; set; }
}
