using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Postgres.Sql.Expressions;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Postgres.Types;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>
/// Compiles an <see cref="AggregatePlan"/> into one statement: <c>SELECT key, agg(…)[, agg(…)…] … WHERE filter GROUP BY 1</c> (<c>GROUP BY 1, 2</c> for a composite key),
/// <c>SELECT agg(…) … WHERE filter</c>, or <c>SELECT EXISTS (SELECT 1 … WHERE filter)</c>. To-one paths in the
/// filter, key or field become LEFT JOINs as in reads.
/// </summary>
internal static class AggregateQueryCompiler
{
    public static CompiledStatement Compile(DomainModel domain, AggregatePlan plan)
    {
        var read = plan.Query;
        var scope = SqlScope.Root(new SqlContext(domain, read.Tenant), read.Resource);
        var exists = plan.Aggregates is [{ Kind: AggregateKind.Exists }];
        var references = new[] { read.Filter }.Concat(plan.Aggregates.Select(a => a.Field)).Concat(plan.GroupBy)
            .SelectMany(RelationshipFilterPaths.Joins)
            .ToList();
        scope.Register(references);
        var sql = new SqlBuilder();
        var writer = new ExprWriter(sql, scope);
        if (exists)
        {
            sql.Append("SELECT EXISTS (SELECT 1");
        }
        else
        {
            sql.Append("SELECT ");
            foreach (var key in plan.GroupBy)
            {
                writer.Write(key);
                sql.Append(", ");
            }

            for (var i = 0; i < plan.Aggregates.Count; i++)
            {
                sql.Append(i > 0 ? ", " : "");
                WriteAggregate(writer, plan.Aggregates[i]);
            }
        }

        sql.Append(" FROM ").Append(TableNames.From(read.Resource, scope.Context)).Append(" AS ").Identifier(scope.Alias);
        scope.WriteJoins(sql, references);
        if (read.Filter is not null)
        {
            sql.Append(" WHERE ");
            writer.Write(read.Filter);
        }

        if (exists)
        {
            sql.Append(')');
        }

        for (var i = 0; i < plan.GroupBy.Count; i++)
        {
            sql.Append(i == 0 ? " GROUP BY " : ", ").Append((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new CompiledStatement(sql.ToString(), sql.Parameters, []) { Tenancy = scope.Context.Tenancy, Tenant = scope.Context.Tenant };
    }

    /// <summary>
    /// Writes one aggregate function, cast so its value arrives as the column's type: sums keep the field's type (and
    /// are 0, not nil, over no rows, as in LINQ), averages are double precision unless decimal.
    /// </summary>
    private static void WriteAggregate(ExprWriter writer, AggregateColumn column)
    {
        var sql = writer.Sql;
        if (column.Kind == AggregateKind.Count && column.Field is null)
        {
            sql.Append("count(*)");
            return;
        }

        var cast = column.Kind is AggregateKind.Sum or AggregateKind.Avg;
        sql.Append(column.Kind == AggregateKind.Sum ? "COALESCE(" : "").Append(cast ? "CAST(" : "");
        sql.Append(AggregateSql.Function(column.Kind)).Append('(').Append(column.Distinct ? "DISTINCT " : "");
        writer.Write(column.Field!);
        sql.Append(')');
        if (cast)
        {
            sql.Append(" AS ").Append(PgTypeMap.ColumnType(column.Type)).Append(')');
        }

        if (column.Kind == AggregateKind.Sum)
        {
            sql.Append(", 0)");
        }
    }
}
