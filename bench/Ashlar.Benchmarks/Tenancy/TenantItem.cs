using Ashlar.Benchmarks.Model;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Benchmarks.Tenancy;

/// <summary>A schema-per-tenant resource; <c>tmpl.items</c> is the table every tenant schema copies.</summary>
public sealed class TenantItem : IResource<TenantItem>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public int Score { get; set; }

    public static void Define(ResourceBuilder<TenantItem> r)
    {
        r.Attribute(i => i.Id, a => a.PrimaryKey());
        r.Attribute(i => i.Title);
        r.Attribute(i => i.Score);
        r.Read("read", a => a.Primary());
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("items").Schema("tmpl").Repo<BenchRepo>());
    }
}
