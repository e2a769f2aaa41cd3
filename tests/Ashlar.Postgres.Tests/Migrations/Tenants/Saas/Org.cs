using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Tenants.Saas;

/// <summary>A managed tenant: each org's schema is <c>org_&lt;slug&gt;</c>, renamed with the slug, kept when the org goes.</summary>
public sealed class Org : IResource<Org>
{
    public Guid Id { get; set; }

    public string Slug { get; set; } = "";

    public static void Define(ResourceBuilder<Org> r)
    {
        r.UuidV7PrimaryKey(o => o.Id);
        r.Attribute(o => o.Slug);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("orgs").Schema("saas").Repo<SaasRepo>().ManageTenant(o => "org_" + o.Slug));
    }
}
