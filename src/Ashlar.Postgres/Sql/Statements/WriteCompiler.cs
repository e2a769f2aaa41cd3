using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Postgres.Multitenancy;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>Compiles create, update and destroy plans into single statements that return the stored row.</summary>
internal static class WriteCompiler
{
    public static CompiledStatement Insert(CreatePlan plan)
    {
        var resource = plan.Resource;
        var target = TableNames.Target(resource, plan.Tenant);
        var sql = new SqlBuilder().Append("INSERT INTO ").Append(target.Table);
        if (plan.Values.Count == 0)
        {
            sql.Append(" DEFAULT VALUES");
        }
        else
        {
            sql.Append(" (").Append(SqlIdentifier.List(plan.Values.Select(v => v.Attribute.Name))).Append(") VALUES (");
            for (var i = 0; i < plan.Values.Count; i++)
            {
                if (i > 0)
                {
                    sql.Append(", ");
                }

                sql.Parameter(plan.Values[i].Value, plan.Values[i].Attribute.Type);
            }

            sql.Append(')');
        }

        Returning(sql, resource);

        // The tenant column's value is in the row (the changeset sets it), so only a schema needs the prelude.
        return Statement(sql, resource.Attributes, target.Use & TenantUse.Schema, plan.Tenant);
    }

    public static CompiledStatement Update(UpdatePlan plan, DomainModel domain)
    {
        var resource = plan.Resource;
        var sql = new SqlBuilder();
        var target = TableNames.Target(resource, plan.Tenant);
        if (plan.Changes.Count == 0 && plan.Atomics.Count == 0)
        {
            sql.Append("SELECT ").Append(SqlIdentifier.List(resource.Attributes.Select(a => a.Name)))
                .Append(" FROM ").Append(target.Table);
            WhereKey(sql, plan.Key, target.Condition, plan.Version);
            return Statement(sql, resource.Attributes, target.Use, plan.Tenant);
        }

        sql.Append("UPDATE ").Append(target.Table);
        if (plan.Atomics.Count > 0)
        {
            sql.Append(" AS \"t0\"");
        }

        sql.Append(" SET ");
        var changes = plan.Changes.Where(c => c.Attribute != resource.OptimisticLock).ToList();
        for (var i = 0; i < changes.Count; i++)
        {
            sql.Append(i > 0 ? ", " : "").Identifier(changes[i].Attribute.Name).Append(" = ").Parameter(changes[i].Value, changes[i].Attribute.Type);
        }

        if (plan.Atomics.Count > 0)
        {
            var context = new SqlContext(domain, plan.Tenant);
            AtomicSql.WriteSets(sql, SqlScope.Root(context, resource), plan.Atomics, leadingComma: changes.Count > 0);
        }

        BumpVersion(sql, resource, leadingComma: changes.Count + plan.Atomics.Count > 0);
        WhereKey(sql, plan.Key, target.Condition, plan.Version);
        Returning(sql, resource);
        return Statement(sql, resource.Attributes, target.Use, plan.Tenant);
    }

    /// <summary>Appends <c>"version" = "version" + 1</c> when the resource has optimistic locking.</summary>
    public static void BumpVersion(SqlBuilder sql, ResourceDefinition resource, bool leadingComma, string? alias = null)
    {
        if (resource.OptimisticLock is { } version)
        {
            sql.Append(leadingComma ? ", " : "").Identifier(version.Name).Append(" = ");
            if (alias is not null)
            {
                sql.Column(alias, version.Name);
            }
            else
            {
                sql.Identifier(version.Name);
            }

            sql.Append(" + 1");
        }
    }

    public static CompiledStatement Delete(DestroyPlan plan)
    {
        var target = TableNames.Target(plan.Resource, plan.Tenant);
        var sql = new SqlBuilder().Append("DELETE FROM ").Append(target.Table);
        WhereKey(sql, plan.Key, target.Condition, plan.Version);
        return Statement(sql, [], target.Use, plan.Tenant);
    }

    private static CompiledStatement Statement(SqlBuilder sql, IReadOnlyList<AttributeDefinition> columns, TenantUse use, string? tenant) =>
        new(sql.ToString(), sql.Parameters, columns) { Tenancy = use, Tenant = use == TenantUse.None ? null : tenant };

    /// <summary>The key's condition, and the tenant column's when the table has one: a record is only written in its tenant.</summary>
    private static void WhereKey(SqlBuilder sql, IReadOnlyList<FieldValue> key, string? tenantCondition, FieldValue? version)
    {
        for (var i = 0; i < key.Count; i++)
        {
            sql.Append(i == 0 ? " WHERE " : " AND ");
            sql.Identifier(key[i].Attribute.Name).Append(" = ").Parameter(key[i].Value, key[i].Attribute.Type);
        }

        if (version is { } read)
        {
            sql.Append(key.Count == 0 ? " WHERE " : " AND ").Identifier(read.Attribute.Name).Append(" = ").Parameter(read.Value, read.Attribute.Type);
        }

        if (tenantCondition is not null)
        {
            sql.Append(key.Count == 0 ? " WHERE " : " AND ").Append(tenantCondition);
        }
    }

    private static void Returning(SqlBuilder sql, ResourceDefinition resource) =>
        sql.Append(" RETURNING ").Append(SqlIdentifier.List(resource.Attributes.Select(a => a.Name)));
}
