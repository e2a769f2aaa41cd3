using Ashlar.DataLayer;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>Compiles create, update and destroy plans into single statements that return the stored row.</summary>
internal static class WriteCompiler
{
    public static CompiledStatement Insert(CreatePlan plan)
    {
        var resource = plan.Resource;
        var sql = new SqlBuilder().Append("INSERT INTO ").Append(TableNames.Qualified(resource, plan.Tenant));
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
        return new CompiledStatement(sql.ToString(), sql.Parameters, resource.Attributes);
    }

    public static CompiledStatement Update(UpdatePlan plan)
    {
        var resource = plan.Resource;
        var sql = new SqlBuilder();
        if (plan.Changes.Count == 0)
        {
            sql.Append("SELECT ").Append(SqlIdentifier.List(resource.Attributes.Select(a => a.Name)))
                .Append(" FROM ").Append(TableNames.Qualified(resource, plan.Tenant));
            WhereKey(sql, plan.Key);
            return new CompiledStatement(sql.ToString(), sql.Parameters, resource.Attributes);
        }

        sql.Append("UPDATE ").Append(TableNames.Qualified(resource, plan.Tenant)).Append(" SET ");
        for (var i = 0; i < plan.Changes.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(", ");
            }

            sql.Identifier(plan.Changes[i].Attribute.Name).Append(" = ").Parameter(plan.Changes[i].Value, plan.Changes[i].Attribute.Type);
        }

        WhereKey(sql, plan.Key);
        Returning(sql, resource);
        return new CompiledStatement(sql.ToString(), sql.Parameters, resource.Attributes);
    }

    public static CompiledStatement Delete(DestroyPlan plan)
    {
        var sql = new SqlBuilder().Append("DELETE FROM ").Append(TableNames.Qualified(plan.Resource, plan.Tenant));
        WhereKey(sql, plan.Key);
        return new CompiledStatement(sql.ToString(), sql.Parameters, []);
    }

    private static void WhereKey(SqlBuilder sql, IReadOnlyList<FieldValue> key)
    {
        for (var i = 0; i < key.Count; i++)
        {
            sql.Append(i == 0 ? " WHERE " : " AND ");
            sql.Identifier(key[i].Attribute.Name).Append(" = ").Parameter(key[i].Value, key[i].Attribute.Type);
        }
    }

    private static void Returning(SqlBuilder sql, ResourceDefinition resource) =>
        sql.Append(" RETURNING ").Append(SqlIdentifier.List(resource.Attributes.Select(a => a.Name)));
}
