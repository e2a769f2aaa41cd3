using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Blog;

/// <summary>Notes about posts kept in a schema of their own, with no relationship to them.</summary>
public sealed class UnrelatedNote : IResource<UnrelatedNote>
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public string Text { get; set; } = "";

    public static void Define(ResourceBuilder<UnrelatedNote> r)
    {
        r.IntegerPrimaryKey(n => n.Id);
        r.Attribute(n => n.PostId);
        r.Attribute(n => n.Text);
        r.Read("read", a => a.Primary());
        r.Postgres(pg => pg.Table("post_notes").Schema("archive").Repo<BlogRepo>().Migrate(false));
    }
}
