using Ashlar.Postgres.Sql.Statements;

namespace Ashlar.Postgres.Multitenancy;

/// <summary>
/// The statement sent in the same round trip before a tenant's statement, in the same (implicit or explicit)
/// transaction: it sets the search path and the <c>ashlar.tenant</c> setting for that transaction only, so a pooled
/// connection never carries one tenant's settings into another statement. Its text is fixed, so it is prepared once
/// per connection; the tenant is its parameter, quoted by the server (<c>quote_ident</c>), never spliced.
/// </summary>
internal static class TenantPrelude
{
    /// <summary>The setting tenant-column filters read.</summary>
    public const string Setting = "ashlar.tenant";

    /// <summary>
    /// Schema and column. <c>::regnamespace</c> fails with <c>3F000</c> when the tenant has no schema, so a missing
    /// tenant is an error rather than a fall-through to a table of the same name further along the search path.
    /// </summary>
    private const string SchemaText =
        "SELECT set_config('search_path', quote_ident($1) || ', public', true), set_config('" + Setting + "', $1, true), quote_ident($1)::regnamespace";

    private const string ColumnText = "SELECT set_config('" + Setting + "', $1, true)";

    /// <summary>The prelude's text for a statement's use, or null when it needs none.</summary>
    public static string? Text(CompiledStatement command) =>
        command.Tenant is null ? null
        : (command.Tenancy & TenantUse.Schema) != 0 ? SchemaText
        : (command.Tenancy & TenantUse.Column) != 0 ? ColumnText
        : null;

    /// <summary>The condition a tenant-column table's rows meet: the column equals the transaction's tenant.</summary>
    public static string ColumnCondition(string quotedColumn, string columnType) =>
        $"{quotedColumn} = current_setting('{Setting}')::{columnType}";
}
