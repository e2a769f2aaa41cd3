using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Multitenancy.Model;

/// <summary>A schema per tenant, and global: without a tenant it is read from its declared schema.</summary>
public sealed class Notice : IResource<Notice>
{
    public long Id { get; set; }

    public string Text { get; set; } = "";

    public static void Define(ResourceBuilder<Notice> r)
    {
        r.Attribute(n => n.Id, a => a.PrimaryKey());
        r.Attribute(n => n.Text);
        r.DefaultActions();
        r.Multitenancy(m => m.Context().Global());
        r.Postgres(pg => pg.Table("notices").Schema("tmpl").Repo<TenancyRepo>());
    }
}
