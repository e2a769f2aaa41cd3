using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Benchmarks.Model;

/// <summary>A comment on a post.</summary>
public sealed class Comment : IResource<Comment>
{
    public long Id { get; set; }

    public string Body { get; set; } = "";

    public long PostId { get; set; }

    public long AuthorId { get; set; }

    public Post? Post { get; set; }

    public Author? Author { get; set; }

    public static void Define(ResourceBuilder<Comment> r)
    {
        r.IntegerPrimaryKey(c => c.Id);
        r.Attribute(c => c.Body);
        r.BelongsTo(c => c.Post);
        r.BelongsTo(c => c.Author);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("comments").Repo<BenchRepo>()
            .Reference(c => c.Post, f => f.Index())
            .Reference(c => c.Author));
    }
}
