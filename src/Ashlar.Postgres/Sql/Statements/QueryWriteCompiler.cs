using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Postgres.Multitenancy;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Text;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>
/// Compiles an update or delete of every record a read selects into one statement: the read (filters through
/// relationships, sort, limit) becomes a key subquery, <c>UPDATE … WHERE (key) IN (SELECT key …)</c>. A tenant's
/// statement runs in the tenant's schema (the prelude's search path) or keeps to its rows (the tenant column).
/// </summary>
internal static class QueryWriteCompiler
{
    public static CompiledStatement Compile(DomainModel domain, QueryWritePlan plan)
    {
        var resource = plan.Query.Resource;
        var keys = ReadCompiler.Compile(domain, plan.Query with { Select = resource.PrimaryKey, Loads = [], Aggregates = [], Calculations = [] });
        var sql = new SqlBuilder().Adopt(keys.Parameters);
        var target = TableNames.Target(resource, plan.Tenant);
        var table = target.Table;
        var context = new SqlContext(domain, plan.Tenant) { Tenancy = keys.Tenancy | target.Use };
        if (plan.Changes.Count == 0 && plan.Atomics.Count == 0)
        {
            sql.Append("DELETE FROM ").Append(table).Append(" AS \"w\"");
        }
        else
        {
            sql.Append("UPDATE ").Append(table).Append(" AS \"w\" SET ");
            for (var i = 0; i < plan.Changes.Count; i++)
            {
                sql.Append(i > 0 ? ", " : "").Identifier(plan.Changes[i].Attribute.Name).Append(" = ")
                    .Parameter(plan.Changes[i].Value, plan.Changes[i].Attribute.Type);
            }

            AtomicSql.WriteSets(sql, new SqlScope(context, resource, "w", null), plan.Atomics, leadingComma: plan.Changes.Count > 0);
            WriteCompiler.BumpVersion(sql, resource, leadingComma: true, alias: "w");
        }

        sql.Append(" WHERE (").Append(string.Join(", ", resource.PrimaryKey.Select(k => "\"w\"." + SqlIdentifier.Quote(k.Name))))
            .Append(") IN (").Append(keys.Text).Append(')');
        if (target.Condition is { } tenantRows)
        {
            // The key subquery keeps to the tenant already; the written table says so too, whatever the keys.
            sql.Append(" AND \"w\".").Append(tenantRows);
        }

        if (plan.ReturnRecords)
        {
            sql.Append(" RETURNING ").Append(string.Join(", ", resource.Attributes.Select(a => "\"w\"." + SqlIdentifier.Quote(a.Name))));
        }

        return new CompiledStatement(sql.ToString(), sql.Parameters, plan.ReturnRecords ? resource.Attributes : [])
        {
            Tenancy = context.Tenancy,
            Tenant = context.Tenancy == TenantUse.None ? null : plan.Tenant,
        };
    }
}
