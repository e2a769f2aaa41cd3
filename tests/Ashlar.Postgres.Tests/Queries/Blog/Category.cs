using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Blog;

public sealed class Category : IResource<Category>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Category> r)
    {
        r.IntegerPrimaryKey(c => c.Id);
        r.Attribute(c => c.Name);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("categories").Repo<BlogRepo>());
    }
}
