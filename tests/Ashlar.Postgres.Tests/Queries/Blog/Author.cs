using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Blog;

public sealed class Author : IResource<Author>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string? Nickname { get; set; }

    public List<Post>? Posts { get; set; }

    public Profile? Profile { get; set; }

    public List<Post>? TopPosts { get; set; }

    public static void Define(ResourceBuilder<Author> r)
    {
        r.IntegerPrimaryKey(a => a.Id);
        r.Attribute(a => a.Name);
        r.Attribute(a => a.Email, a => a.CaseInsensitive());
        r.Attribute(a => a.Nickname);
        r.HasMany(a => a.Posts);
        r.HasOne(a => a.Profile);
        r.HasMany(a => a.TopPosts, h => h.DestinationAttribute(p => p.AuthorId).Sort(p => p.Score, descending: true).Limit(1));
        r.DefaultActions();
        r.Postgres(pg => pg.Table("authors").Repo<BlogRepo>());
    }
}
