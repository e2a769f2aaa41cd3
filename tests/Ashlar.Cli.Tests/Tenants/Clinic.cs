using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Cli.Tests.Tenants;

/// <summary>A managed tenant: each clinic's schema is <c>clinic_&lt;slug&gt;</c>.</summary>
public sealed class Clinic : IResource<Clinic>
{
    public Guid Id { get; set; }

    public string Slug { get; set; } = "";

    public static void Define(ResourceBuilder<Clinic> r)
    {
        r.UuidPrimaryKey(c => c.Id);
        r.Attribute(c => c.Slug);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("clinics").Schema("clinics").Repo<ClinicRepo>().ManageTenant(c => "clinic_" + c.Slug));
    }
}
