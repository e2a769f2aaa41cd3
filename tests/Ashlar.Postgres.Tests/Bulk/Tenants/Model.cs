using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Repos;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Bulk.Tenants;

public sealed class BulkTenantRepo : PostgresRepo
{
}

/// <summary>A schema per tenant; keys are given, so tenants hold the same keys for different rows.</summary>
public sealed class Parcel : IResource<Parcel>
{
    public long Id { get; set; }

    public string Label { get; set; } = "";

    public int Weight { get; set; }

    public static void Define(ResourceBuilder<Parcel> r)
    {
        r.Attribute(p => p.Id, a => a.PrimaryKey());
        r.Attribute(p => p.Label);
        r.Attribute(p => p.Weight, a => a.Min(0));
        r.Identity("unique_label", p => p.Label);
        r.DefaultActions();
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("parcels").Repo<BulkTenantRepo>());
    }
}

/// <summary>One table for every tenant; <c>org_key</c> says whose each row is. Codes are unique per tenant, serials across tenants.</summary>
public sealed class Shipment : IResource<Shipment>
{
    public long Id { get; set; }

    public string OrgKey { get; set; } = "";

    public string Code { get; set; } = "";

    public string Serial { get; set; } = "";

    public int Weight { get; set; }

    public static void Define(ResourceBuilder<Shipment> r)
    {
        r.IntegerPrimaryKey(s => s.Id);
        r.Attribute(s => s.OrgKey);
        r.Attribute(s => s.Code);
        r.Attribute(s => s.Serial);
        r.Attribute(s => s.Weight);
        r.Identity("unique_code", s => new { s.OrgKey, s.Code });
        r.Identity("unique_serial", s => s.Serial);
        r.DefaultActions();
        r.Multitenancy(m => m.Attribute(s => s.OrgKey));
        r.Postgres(pg => pg.Table("shipments").Repo<BulkTenantRepo>());
    }
}

/// <summary>Records that are tenants: each one's schema is <c>depot_&lt;name&gt;</c>.</summary>
public sealed class Depot : IResource<Depot>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Depot> r)
    {
        r.Attribute(d => d.Id, a => a.PrimaryKey());
        r.Attribute(d => d.Name);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("depots").Repo<BulkTenantRepo>().ManageTenant(d => "depot_" + d.Name, m => m.DropSchemaOnDestroy()));
    }
}
