using System.Globalization;
using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Postgres.Sql.Expressions;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>
/// Compiles one batch of a bulk insert or upsert into one statement over <c>unnest</c> of one typed array per column:
/// <c>INSERT … SELECT … FROM unnest($1::t[], …) [ON CONFLICT … DO UPDATE … WHERE …] RETURNING …</c>. An upsert
/// takes its rows in key order, so concurrent upserts of the same keys lock them in the same order. When an upsert
/// must say which inputs it wrote, the statement joins what it returned back to each input's position.
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

        sql.Append("INSERT INTO ").Append(TableNames.Untenanted(resource, "bulk create")).Append(" AS \"t0\" (")
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
            OnConflict(domain, sql, plan, upsert, columns);
        }

        if (returned.Count > 0)
        {
            sql.Append(" RETURNING ").Append(string.Join(", ", returned.Select(a => "\"t0\"." + SqlIdentifier.Quote(a.Name))));
        }

        if (!report)
        {
            return new CompiledStatement(sql.ToString(), sql.Parameters, plan.ReturnRecords ? resource.Attributes : []);
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

        sql.Append(" ORDER BY \"u\".").Identifier(Ordinal);
        return new CompiledStatement(sql.ToString(), sql.Parameters, plan.ReturnRecords ? resource.Attributes : []) { ColumnOffset = 1 };
    }

    private static void OnConflict(DomainModel domain, SqlBuilder sql, BulkCreatePlan plan, UpsertPlan upsert, IReadOnlyList<AttributeDefinition> columns)
    {
        // Key order: concurrent upserts of overlapping keys take their row locks in the same order, so they cannot deadlock.
        sql.Append(" ORDER BY ").Append(string.Join(", ", upsert.Target.Select(t => "\"u\"." + SqlIdentifier.Quote(Alias(IndexOf(columns, t))))));
        sql.Append(" ON CONFLICT (").Append(SqlIdentifier.List(upsert.Target.Select(t => t.Name))).Append(')');
        if (upsert.TargetWhereSql is { } where)
        {
            sql.Append(" WHERE (").Append(where).Append(')');
        }

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
        var atomicContext = new SqlContext(domain, plan.Tenant);
        AtomicSql.WriteSets(sql, new SqlScope(atomicContext, plan.Resource, "t0", new SqlScope(atomicContext, plan.Resource, "excluded", null)),
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

        if (upsert.Condition is { } condition)
        {
            // The incoming row is the condition's parent level: its references are written against EXCLUDED.
            var context = new SqlContext(domain, plan.Tenant);
            var scope = new SqlScope(context, plan.Resource, "t0", new SqlScope(context, plan.Resource, "excluded", null));
            sql.Append(" WHERE ");
            new ExprWriter(sql, scope).Write(condition);
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
