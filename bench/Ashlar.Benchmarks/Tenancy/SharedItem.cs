using Ashlar.Benchmarks.Model;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Benchmarks.Tenancy;

/// <summary>The same table read as a plain, non-tenant resource: the prepared-statement floor.</summary>
public sealed class SharedItem : IResource<SharedItem>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public int Score { get; set; }

    public static void Define(ResourceBuilder<SharedItem> r)
    {
        r.Attribute(i => i.Id, a => a.PrimaryKey());
        r.Attribute(i => i.Title);
        r.Attribute(i => i.Score);
        r.Read("read", a => a.Primary());
        r.Postgres(pg => pg.Table("items").Schema("tmpl").Repo<BenchRepo>().Migrate(false));
    }
}
