using Ashlar.Multitenancy;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Multitenancy;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Types;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Text;

/// <summary>
/// Where a resource's rows live in a statement. A schema-per-tenant resource read with a tenant is qualified by a
/// placeholder schema that becomes the tenant's just before the statement is sent (see <see cref="TenantTables"/>), so
/// the compiled text is the same for every tenant; a tenant-column resource becomes a subquery keeping the tenant's
/// rows; every other table keeps its schema.
/// </summary>
internal static class TableNames
{
    /// <summary>The table to read from (FROM or JOIN) in <paramref name="context"/>'s tenant.</summary>
    /// <exception cref="Ashlar.Errors.InvalidException">TenantRequired: a tenant resource, not global, and no tenant.</exception>
    public static string From(ResourceDefinition resource, SqlContext context)
    {
        var options = Options(resource);
        switch (Use(resource, context.Tenant))
        {
            case TenantUse.Schema:
                context.Tenancy |= TenantUse.Schema;
                return TenantTables.Name(SqlIdentifier.Quote(options.Table!));
            case TenantUse.Column:
                context.Tenancy |= TenantUse.Column;
                var attribute = resource.Multitenancy!.Attribute!;
                return "(SELECT * FROM " + SqlIdentifier.Qualified(options.SchemaOrPublic, options.Table!) + " WHERE " +
                       TenantPrelude.ColumnCondition(SqlIdentifier.Quote(attribute.Name), PgTypeMap.ColumnType(attribute.Type)) + ")";
            default:
                return SqlIdentifier.Qualified(options.SchemaOrPublic, options.Table!);
        }
    }

    /// <summary>The table a write targets, and the condition (or null) its rows must also meet.</summary>
    public static (string Table, string? Condition, TenantUse Use) Target(ResourceDefinition resource, string? tenant)
    {
        var options = Options(resource);
        var use = Use(resource, tenant);
        if (use == TenantUse.Schema)
        {
            return (TenantTables.Name(SqlIdentifier.Quote(options.Table!)), null, use);
        }

        var table = SqlIdentifier.Qualified(options.SchemaOrPublic, options.Table!);
        if (use == TenantUse.Column)
        {
            var attribute = resource.Multitenancy!.Attribute!;
            return (table, TenantPrelude.ColumnCondition(SqlIdentifier.Quote(attribute.Name), PgTypeMap.ColumnType(attribute.Type)), use);
        }

        return (table, null, use);
    }

    public static PostgresOptions Options(ResourceDefinition resource) =>
        resource.Extension<PostgresOptions>()
        ?? throw new InvalidOperationException($"{resource.Name} has no Postgres section; declare r.Postgres(pg => pg.Table(...)).");

    private static TenantUse Use(ResourceDefinition resource, string? tenant)
    {
        if (resource.Multitenancy is not { } multitenancy)
        {
            return TenantUse.None;
        }

        if (tenant is null)
        {
            return multitenancy.Global ? TenantUse.None : throw TenantCheck.Required(resource);
        }

        return multitenancy.Strategy == MultitenancyStrategy.Context ? TenantUse.Schema : TenantUse.Column;
    }
}
