using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Expressions;
using Ashlar.Postgres.Types;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql;

/// <summary>
/// Compiles an <see cref="AggregatePlan"/> into one statement: <c>SELECT key, agg(…) … WHERE filter GROUP BY 1</c> (<c>GROUP BY 1, 2</c> for a composite key),
/// <c>SELECT agg(…) … WHERE filter</c>, or <c>SELECT EXISTS (SELECT 1 … WHERE filter)</c>. To-one paths in the
/// filter, key or field become LEFT JOINs as in reads.
/// </summary>
internal static class AggregateQueryCompiler
{
    public static SqlCommand Compile(DomainModel domain, AggregatePlan plan)
    {
        var read = plan.Query;
        var scope = SqlScope.Root(new SqlContext(domain, read.Tenant), read.Resource);
        var references = new[] { read.Filter, plan.Field }.Concat(plan.GroupBy)
            .SelectMany(e => ExprWalker.References(e).Concat(RelationshipFilterPaths.Of(domain, e)))
            .ToList();
        scope.Register(references);
        var sql = new SqlBuilder();
        var writer = new FilterWriter(sql, scope);
        if (plan.Kind == AggregateKind.Exists)
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

            WriteAggregate(writer, plan);
        }

        sql.Append(" FROM ").Append(TableNames.Qualified(read.Resource, read.Tenant)).Append(" AS ").Identifier(scope.Alias);
        scope.WriteJoins(sql, references);
        if (read.Filter is not null)
        {
            sql.Append(" WHERE ");
            writer.Write(read.Filter);
        }

        if (plan.Kind == AggregateKind.Exists)
        {
            sql.Append(')');
        }

        for (var i = 0; i < plan.GroupBy.Count; i++)
        {
            sql.Append(i == 0 ? " GROUP BY " : ", ").Append((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new SqlCommand(sql.ToString(), sql.Parameters, []);
    }

    /// <summary>
    /// Writes the aggregate function, cast so its value arrives as the plan's type: sums keep the field's type (and
    /// are 0, not nil, over no rows, as in LINQ), averages are double precision unless decimal.
    /// </summary>
    private static void WriteAggregate(FilterWriter writer, AggregatePlan plan)
    {
        var sql = writer.Sql;
        if (plan.Kind == AggregateKind.Count && plan.Field is null)
        {
            sql.Append("count(*)");
            return;
        }

        var cast = plan.Kind is AggregateKind.Sum or AggregateKind.Avg;
        sql.Append(plan.Kind == AggregateKind.Sum ? "COALESCE(" : "").Append(cast ? "CAST(" : "");
        sql.Append(AggregateSql.Function(plan.Kind)).Append('(').Append(plan.Distinct ? "DISTINCT " : "");
        writer.Write(plan.Field!);
        sql.Append(')');
        if (cast)
        {
            sql.Append(" AS ").Append(PgTypeMap.ColumnType(plan.Type)).Append(')');
        }

        if (plan.Kind == AggregateKind.Sum)
        {
            sql.Append(", 0)");
        }
    }
}
