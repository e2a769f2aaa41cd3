using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Cli.Tests.Tenants;

/// <summary>A context-tenant resource: every clinic has its own <c>visits</c> table.</summary>
public sealed class Visit : IResource<Visit>
{
    public Guid Id { get; set; }

    public string Reason { get; set; } = "";

    public static void Define(ResourceBuilder<Visit> r)
    {
        r.UuidPrimaryKey(v => v.Id);
        r.Attribute(v => v.Reason);
        r.DefaultActions();
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("visits").Repo<ClinicRepo>());
    }
}
