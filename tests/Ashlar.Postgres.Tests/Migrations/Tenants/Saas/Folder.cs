using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Tenants.Saas;

/// <summary>A context-tenant resource: one <c>folders</c> table in each tenant's schema.</summary>
public sealed class Folder : IResource<Folder>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Folder> r)
    {
        r.UuidV7PrimaryKey(f => f.Id);
        r.Attribute(f => f.Name);
        r.DefaultActions();
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("folders").Repo<SaasRepo>());
    }
}
