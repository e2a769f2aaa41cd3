using Ashlar.Domains;
using Ashlar.Postgres.Multitenancy;

namespace Ashlar.Postgres.Sql.Scopes;

/// <summary>What every level of one statement shares: the model, the tenant and the table-alias counter.</summary>
internal sealed class SqlContext(DomainModel domain, string? tenant)
{
    private int _aliases;

    public DomainModel Domain => domain;

    public string? Tenant => tenant;

    /// <summary>What the statement needs set for its tenant, gathered as its tables are written.</summary>
    public TenantUse Tenancy { get; set; }

    public string NextAlias() => "t" + (++_aliases).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
