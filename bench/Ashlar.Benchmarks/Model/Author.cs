using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Benchmarks.Model;

/// <summary>An author of posts and comments.</summary>
public sealed class Author : IResource<Author>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public static void Define(ResourceBuilder<Author> r)
    {
        r.IntegerPrimaryKey(a => a.Id);
        r.Attribute(a => a.Name);
        r.Attribute(a => a.Email);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("authors").Repo<BenchRepo>());
    }
}
