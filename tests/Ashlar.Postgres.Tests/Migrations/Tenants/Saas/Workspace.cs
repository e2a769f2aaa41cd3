using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Tenants.Saas;

/// <summary>A global resource in schema <c>saas</c>.</summary>
public sealed class Workspace : IResource<Workspace>
{
    public Guid Id { get; set; }

    public string Slug { get; set; } = "";

    public static void Define(ResourceBuilder<Workspace> r)
    {
        r.UuidV7PrimaryKey(w => w.Id);
        r.Attribute(w => w.Slug);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("workspaces").Schema("saas").Repo<SaasRepo>());
    }
}
