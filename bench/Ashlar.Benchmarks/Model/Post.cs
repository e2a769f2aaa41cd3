using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Benchmarks.Model;

/// <summary>A post, with its comments and their count.</summary>
public sealed class Post : IResource<Post>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public int Score { get; set; }

    public bool Published { get; set; }

    public long AuthorId { get; set; }

    public Author? Author { get; set; }

    public List<Comment>? Comments { get; set; }

    public int? CommentCount { get; set; }

    public static void Define(ResourceBuilder<Post> r)
    {
        r.IntegerPrimaryKey(p => p.Id);
        r.Attribute(p => p.Title);
        r.Attribute(p => p.Body);
        r.Attribute(p => p.Score);
        r.Attribute(p => p.Published);
        r.BelongsTo(p => p.Author);
        r.HasMany(p => p.Comments);
        r.Count(p => p.CommentCount, p => p.Comments);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("posts").Repo<BenchRepo>()
            .Reference(p => p.Author, f => f.Index())
            .Index(["score"]));
    }
}
