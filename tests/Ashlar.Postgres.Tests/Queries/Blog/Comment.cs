using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Blog;

public sealed class Comment : IResource<Comment>
{
    public long Id { get; set; }

    public string Body { get; set; } = "";

    public bool Hidden { get; set; }

    public int Likes { get; set; }

    public long PostId { get; set; }

    public long? AuthorId { get; set; }

    public Post? Post { get; set; }

    public Author? Author { get; set; }

    public static void Define(ResourceBuilder<Comment> r)
    {
        r.IntegerPrimaryKey(c => c.Id);
        r.Attribute(c => c.Body);
        r.Attribute(c => c.Hidden);
        r.Attribute(c => c.Likes);
        r.BelongsTo(c => c.Post);
        r.BelongsTo(c => c.Author);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("comments").Repo<BlogRepo>());
    }
}
