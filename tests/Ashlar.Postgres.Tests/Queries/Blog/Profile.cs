using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Blog;

public sealed class Profile : IResource<Profile>
{
    public long Id { get; set; }

    public string Bio { get; set; } = "";

    public long AuthorId { get; set; }

    public Author? Author { get; set; }

    public static void Define(ResourceBuilder<Profile> r)
    {
        r.IntegerPrimaryKey(p => p.Id);
        r.Attribute(p => p.Bio);
        r.BelongsTo(p => p.Author);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("profiles").Repo<BlogRepo>());
    }
}
