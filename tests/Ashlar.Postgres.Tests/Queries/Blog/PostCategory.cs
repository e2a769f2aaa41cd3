using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Blog;

public sealed class PostCategory : IResource<PostCategory>
{
    public long PostId { get; set; }

    public long CategoryId { get; set; }

    public Post? Post { get; set; }

    public Category? Category { get; set; }

    public static void Define(ResourceBuilder<PostCategory> r)
    {
        r.Attribute(j => j.PostId, a => a.PrimaryKey());
        r.Attribute(j => j.CategoryId, a => a.PrimaryKey());
        r.BelongsTo(j => j.Post);
        r.BelongsTo(j => j.Category);
        r.Read("read", a => a.Primary());
        r.Postgres(pg => pg.Table("post_categories").Repo<BlogRepo>());
    }
}
