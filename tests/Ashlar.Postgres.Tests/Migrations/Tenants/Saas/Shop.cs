using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Tenants.Saas;

/// <summary>A managed tenant that opts out of renames and drops its schema when destroyed.</summary>
public sealed class Shop : IResource<Shop>
{
    public Guid Id { get; set; }

    public string Slug { get; set; } = "";

    public static void Define(ResourceBuilder<Shop> r)
    {
        r.UuidV7PrimaryKey(s => s.Id);
        r.Attribute(s => s.Slug);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("shops").Schema("saas").Repo<SaasRepo>()
            .ManageTenant(s => "shop_" + s.Slug, t => t.KeepSchemaName().DropSchemaOnDestroy()));
    }
}
