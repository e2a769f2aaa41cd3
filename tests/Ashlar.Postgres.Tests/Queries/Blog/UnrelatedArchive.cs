using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Blog;

/// <summary>A resource of another repo, for the refusals of exists over an unrelated resource.</summary>
public sealed class UnrelatedArchive : IResource<UnrelatedArchive>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public static void Define(ResourceBuilder<UnrelatedArchive> r)
    {
        r.IntegerPrimaryKey(a => a.Id);
        r.Attribute(a => a.Title);
        r.Read("read", a => a.Primary());
        r.Postgres(pg => pg.Table("archived_posts").Repo<UnrelatedRepo>().Migrate(false));
    }
}
