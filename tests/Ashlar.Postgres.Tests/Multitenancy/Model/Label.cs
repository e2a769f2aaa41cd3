using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Multitenancy.Model;

/// <summary>A tenant column, and global: without a tenant every tenant's labels are read.</summary>
public sealed class Label : IResource<Label>
{
    public long Id { get; set; }

    public string OrgKey { get; set; } = "";

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Label> r)
    {
        r.Attribute(l => l.Id, a => a.PrimaryKey());
        r.Attribute(l => l.OrgKey);
        r.Attribute(l => l.Name);
        r.DefaultActions();
        r.Multitenancy(m => m.Attribute(l => l.OrgKey).Global());
        r.Postgres(pg => pg.Table("labels").Repo<TenancyRepo>());
    }
}
