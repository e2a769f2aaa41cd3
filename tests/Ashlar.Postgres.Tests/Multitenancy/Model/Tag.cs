using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Multitenancy.Model;

public sealed class Tag : IResource<Tag>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Tag> r)
    {
        r.Attribute(t => t.Id, a => a.PrimaryKey());
        r.Attribute(t => t.Name);
        r.DefaultActions();
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("tags").Schema("tmpl").Repo<TenancyRepo>());
    }
}
