using Ashlar.Postgres.Sql.Statements;

namespace Ashlar.Postgres.Multitenancy;

/// <summary>
/// The statement sent in the same round trip before a statement reading a tenant-column table, in the same (implicit
/// or explicit) transaction: it sets the <c>ashlar.tenant</c> setting for that transaction only, so a pooled connection
/// never carries one tenant's setting into another statement. Its text is fixed; the tenant is its parameter, never
/// spliced. Schema-per-tenant tables need no prelude: they are qualified by the tenant's schema (<see cref="TenantTables"/>).
/// </summary>
internal static class TenantPrelude
{
    /// <summary>The setting tenant-column filters read.</summary>
    public const string Setting = "ashlar.tenant";

    private const string ColumnText = "SELECT set_config('" + Setting + "', $1, true)";

    /// <summary>The prelude's text for a statement's use, or null when it needs none.</summary>
    public static string? Text(CompiledStatement command) =>
        command.Tenant is null ? null
        : (command.Tenancy & TenantUse.Column) != 0 ? ColumnText
        : null;

    /// <summary>The condition a tenant-column table's rows meet: the column equals the transaction's tenant.</summary>
    public static string ColumnCondition(string quotedColumn, string columnType) =>
        $"{quotedColumn} = current_setting('{Setting}')::{columnType}";
}
