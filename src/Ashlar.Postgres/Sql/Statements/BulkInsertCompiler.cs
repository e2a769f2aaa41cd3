using System.Globalization;
using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Postgres.Multitenancy;
using Ashlar.Postgres.Sql.Expressions;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>
/// Compiles one batch of a bulk insert or upsert into one statement over <c>unnest</c> of one typed array per column:
/// <c>INSERT … SELECT … FROM unnest($1::t[], …) [ON CONFLICT … DO UPDATE … WHERE …] RETURNING …</c>. An upsert's
/// rows arrive in key order (sorted by the data layer, <see cref="UpsertOrder"/>), so concurrent upserts of the same
/// keys lock them in the same order. When an upsert must say which inputs it wrote, the statement joins what it
/// returned back to each row's position in the arrays (unordered: the caller puts them back in input order).
/// </summary>
internal static class BulkInsertCompiler
{
    public const string Ordinal = "ashlar_ord";

    public static CompiledStatement Compile(DomainModel domain, BulkCreatePlan plan, IReadOnlyList<AttributeDefinition> columns, StatementParameter[] arrays)
    {
        var resource = plan.Resource;
        var upsert = plan.Upsert;
        var report = upsert is not null && (plan.ReturnRecords || upsert.ReportSkipped);
        var returned = plan.ReturnRecords ? resource.Attributes : report ? upsert!.Target : [];
        var sql = new SqlBuilder();
        if (report)
        {
            sql.Append("WITH \"ashlar_in\" AS (SELECT * FROM ");
            Unnest(sql, columns, arrays);
            sql.Append(" WITH ORDINALITY AS \"u\"(").Append(Aliases(columns.Count)).Append(", ").Identifier(Ordinal).Append(")), \"ashlar_out\" AS (");
        }

        var target = TableNames.Target(resource, plan.Tenant);
        var context = new SqlContext(domain, plan.Tenant) { Tenancy = target.Use & TenantUse.Schema };
        sql.Append("INSERT INTO ").Append(target.Table).Append(" AS \"t0\" (")
            .Append(SqlIdentifier.List(columns.Select(c => c.Name))).Append(") SELECT ");
        for (var i = 0; i < columns.Count; i++)
        {
            sql.Append(i > 0 ? ", " : "");
            Value(sql, columns[i], Alias(i));
        }

        sql.Append(" FROM ");
        if (report)
        {
            sql.Append("\"ashlar_in\" AS \"u\"");
        }
        else
        {
            Unnest(sql, columns, arrays);
            sql.Append(" AS \"u\"(").Append(Aliases(columns.Count)).Append(')');
        }

        if (upsert is not null)
        {
            OnConflict(context, sql, plan, upsert, target.Use == TenantUse.Column ? resource.Multitenancy!.Attribute : null);
        }

        if (returned.Count > 0)
        {
            sql.Append(" RETURNING ").Append(string.Join(", ", returned.Select(a => "\"t0\"." + SqlIdentifier.Quote(a.Name))));
        }

        if (!report)
        {
            return Statement(sql, plan.ReturnRecords ? resource.Attributes : [], context, 0);
        }

        sql.Append(") SELECT \"u\".").Identifier(Ordinal);
        foreach (var attribute in plan.ReturnRecords ? resource.Attributes : [])
        {
            sql.Append(", ").Column("w", attribute.Name);
        }

        sql.Append(" FROM \"ashlar_out\" AS \"w\" JOIN \"ashlar_in\" AS \"u\" ON ");
        for (var i = 0; i < upsert!.Target.Count; i++)
        {
            sql.Append(i > 0 ? " AND " : "").Column("w", upsert.Target[i].Name).Append(" IS NOT DISTINCT FROM ")
                .Column("u", Alias(IndexOf(columns, upsert.Target[i])));
        }

        return Statement(sql, plan.ReturnRecords ? resource.Attributes : [], context, 1);
    }

    // The tenant column's value is in every row (the changeset sets it): only a schema, or a condition reading a
    // tenant-column table, needs the tenant set before the statement.
    private static CompiledStatement Statement(SqlBuilder sql, IReadOnlyList<AttributeDefinition> columns, SqlContext context, int offset) =>
        new(sql.ToString(), sql.Parameters, columns)
        {
            ColumnOffset = offset,
            Tenancy = context.Tenancy,
            Tenant = context.Tenancy == TenantUse.None ? null : context.Tenant,
        };

    private static void OnConflict(SqlContext context, SqlBuilder sql, BulkCreatePlan plan, UpsertPlan upsert, AttributeDefinition? tenantColumn)
    {
        // The rows come in key order (the data layer sorts them, see UpsertOrder): concurrent upserts of overlapping keys
        // take their row locks in the same order and cannot deadlock, without a sort in the statement.
        sql.Append(" ON CONFLICT (").Append(SqlIdentifier.List(upsert.Target.Select(t => t.Name))).Append(')');
        if (upsert.TargetWhereSql is { } where)
        {
            sql.Append(" WHERE (").Append(where).Append(')');
        }

        // A conflict target without the tenant column (a key unique across tenants) may meet another tenant's row:
        // that row is never updated; the input counts as skipped.
        var guard = tenantColumn is not null && !upsert.Target.Contains(tenantColumn) ? tenantColumn : null;
        if (upsert.Fields.Count == 0 && upsert.Atomics.Count == 0)
        {
            sql.Append(" DO NOTHING");
            return;
        }

        sql.Append(" DO UPDATE SET ");
        for (var i = 0; i < upsert.Fields.Count; i++)
        {
            sql.Append(i > 0 ? ", " : "").Identifier(upsert.Fields[i].Name).Append(" = \"excluded\".").Identifier(upsert.Fields[i].Name);
        }

        // The existing row is the atomic values' level; their parent(...) references read the incoming row.
        AtomicSql.WriteSets(sql, new SqlScope(context, plan.Resource, "t0", new SqlScope(context, plan.Resource, "excluded", null)),
            upsert.Atomics, leadingComma: upsert.Fields.Count > 0);
        foreach (var stamp in upsert.Timestamps)
        {
            sql.Append(", ").Identifier(stamp.Name).Append(" = ");
            if (upsert.TouchUnchanged || upsert.Fields.Count == 0)
            {
                sql.Append("\"excluded\".").Identifier(stamp.Name);
                continue;
            }

            sql.Append("CASE WHEN (").Append(string.Join(", ", upsert.Fields.Select(f => "\"t0\"." + SqlIdentifier.Quote(f.Name))))
                .Append(") IS DISTINCT FROM (").Append(string.Join(", ", upsert.Fields.Select(f => "\"excluded\"." + SqlIdentifier.Quote(f.Name))))
                .Append(") THEN \"excluded\".").Identifier(stamp.Name).Append(" ELSE \"t0\".").Identifier(stamp.Name).Append(" END");
        }

        WriteCompiler.BumpVersion(sql, plan.Resource, leadingComma: true, alias: "t0");

        if (guard is not null)
        {
            sql.Append(" WHERE ").Column("t0", guard.Name).Append(" = ").Column("excluded", guard.Name);
        }

        if (upsert.Condition is { } condition)
        {
            // The incoming row is the condition's parent level: its references are written against EXCLUDED.
            var scope = new SqlScope(context, plan.Resource, "t0", new SqlScope(context, plan.Resource, "excluded", null));
            sql.Append(guard is null ? " WHERE (" : " AND (");
            new ExprWriter(sql, scope).Write(condition);
            sql.Append(')');
        }
    }

    private static void Unnest(SqlBuilder sql, IReadOnlyList<AttributeDefinition> columns, StatementParameter[] arrays)
    {
        sql.Append("unnest(");
        for (var i = 0; i < columns.Count; i++)
        {
            sql.Append(i > 0 ? ", " : "").Parameter(arrays[i]).Append("::").Append(BulkColumns.ElementSqlType(columns[i].Type)).Append("[]");
        }

        sql.Append(')');
    }

    /// <summary>The column's value from the unnested row; array attributes come as JSON arrays and are rebuilt in order.</summary>
    private static void Value(SqlBuilder sql, AttributeDefinition column, string alias)
    {
        if (column.Type.Kind != TypeKind.Array)
        {
            sql.Column("u", alias);
            return;
        }

        sql.Append("CASE WHEN ").Column("u", alias).Append(" IS NULL THEN NULL ELSE ARRAY(SELECT \"e\".\"v\"::")
            .Append(Types.PgTypeMap.ColumnType(column.Type.ElementType!))
            .Append(" FROM jsonb_array_elements_text(").Column("u", alias).Append(") WITH ORDINALITY AS \"e\"(\"v\", \"n\") ORDER BY \"e\".\"n\") END");
    }

    private static int IndexOf(IReadOnlyList<AttributeDefinition> columns, AttributeDefinition attribute)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Name == attribute.Name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The conflict target {attribute.Name} is not among the inserted columns.");
    }

    private static string Alias(int index) => "c" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Aliases(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => SqlIdentifier.Quote(Alias(i))));
}
