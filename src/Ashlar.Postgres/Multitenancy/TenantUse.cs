namespace Ashlar.Postgres.Multitenancy;

/// <summary>What a statement needs set before it runs, for its tenant.</summary>
[Flags]
internal enum TenantUse
{
    /// <summary>Nothing: no tenant resource, or none read with a tenant.</summary>
    None = 0,

    /// <summary>Unqualified tables of schema-per-tenant resources: the tenant's schema leads the search path.</summary>
    Schema = 1,

    /// <summary>Tenant-column filters: they read the tenant from the <c>ashlar.tenant</c> setting.</summary>
    Column = 2,
}
