using Ashlar.Domains;

namespace Ashlar.Postgres.Sql.Scopes;

/// <summary>What every level of one statement shares: the model, the tenant and the table-alias counter.</summary>
internal sealed class SqlContext(DomainModel domain, string? tenant)
{
    private int _aliases;

    public DomainModel Domain => domain;

    public string? Tenant => tenant;

    public string NextAlias() => "t" + (++_aliases).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
