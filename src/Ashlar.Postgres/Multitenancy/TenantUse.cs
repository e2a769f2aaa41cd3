namespace Ashlar.Postgres.Multitenancy;

/// <summary>What a statement needs set before it runs, for its tenant.</summary>
[Flags]
internal enum TenantUse
{
    /// <summary>Nothing: no tenant resource, or none read with a tenant.</summary>
    None = 0,

    /// <summary>Tables of schema-per-tenant resources, qualified by the <see cref="TenantTables.Schema"/> placeholder.</summary>
    Schema = 1,

    /// <summary>Tenant-column filters: they read the tenant from the <c>ashlar.tenant</c> setting.</summary>
    Column = 2,
}
