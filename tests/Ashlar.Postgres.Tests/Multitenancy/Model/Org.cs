using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Multitenancy.Model;

/// <summary>Shared by every tenant: stays in public whatever the tenant.</summary>
public sealed class Org : IResource<Org>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public List<Ticket>? Tickets { get; set; }

    public static void Define(ResourceBuilder<Org> r)
    {
        r.Attribute(o => o.Id, a => a.PrimaryKey());
        r.Attribute(o => o.Name);
        r.HasMany(o => o.Tickets);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("orgs").Repo<TenancyRepo>());
    }
}
