using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Caching;
using Ashlar.Postgres.Sql.Expressions;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>
/// Compiles a <see cref="ReadPlan"/> into one SELECT. References through to-one relationships become LEFT JOINs,
/// one per distinct relationship path; to-many conditions become correlated EXISTS subqueries.
/// </summary>
internal static class ReadCompiler
{
    public static CompiledStatement Compile(DomainModel domain, ReadPlan plan, bool returnSortValues = false) =>
        CompileWithSlots(domain, plan, PagingNodes.Of(plan), returnSortValues).Command;

    /// <summary>
    /// Compiles, also returning where each parameter's value came from (null when one cannot be traced). The limit and
    /// offset are sent as the parameters of <paramref name="paging"/> (the shape's nodes, for the cache). With
    /// <paramref name="returnSortValues"/>, each row also carries its values of the sort expressions (keyset pages).
    /// </summary>
    public static (CompiledStatement Command, IReadOnlyList<ParameterSlot>? Slots) CompileWithSlots(DomainModel domain, ReadPlan plan, PagingNodes paging, bool returnSortValues)
    {
        var resource = plan.Resource;
        var scope = SqlScope.Root(new SqlContext(domain, plan.Tenant), resource);
        var sql = new SqlBuilder();
        var columns = Columns(plan);

        // DISTINCT ON must lead the ORDER BY; when the caller's sort does not start with it, an outer query re-sorts.
        var wrap = plan.Distinct.Count > 0 && plan.Sort.Count > 0 &&
            !plan.Sort.Take(plan.Distinct.Count).Select(s => s.Expression.ToString()).SequenceEqual(plan.Distinct.Select(d => d.ToString()), StringComparer.Ordinal);
        if (wrap)
        {
            sql.Append("SELECT * FROM (");
        }

        scope.Register(References(plan));
        sql.Append("SELECT ");
        var writer = new ExprWriter(sql, scope);
        if (plan.Distinct.Count > 0)
        {
            sql.Append("DISTINCT ON (");
            writer.WriteList(plan.Distinct, ", ");
            sql.Append(") ");
        }

        for (var i = 0; i < columns.Count; i++)
        {
            sql.Append(i > 0 ? ", " : "").Column(scope.Alias, columns[i].Name);
        }

        var grouped = plan.Aggregates.Where(a => GroupedAggregateSql.CanGroup(scope.Context, plan, a))
            .Select((a, i) => (a, "a" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var computed = WriteComputed(writer, plan, grouped);
        var sortValues = WriteSortValues(writer, plan, project: returnSortValues || wrap, required: returnSortValues);
        sql.Append(" FROM ").Append(TableNames.From(resource, scope.Context)).Append(" AS ").Identifier(scope.Alias);
        scope.WriteJoins(sql, References(plan));
        GroupedAggregateSql.WriteJoins(sql, scope, plan, grouped);
        if (plan.Filter is not null)
        {
            sql.Append(" WHERE ");
            writer.Write(plan.Filter);
        }

        // Within each distinct group the first record in the caller's sort wins.
        var distinctSort = plan.Distinct.Select(d => new SortKey(d, false)).ToList();
        WriteOrderBy(writer, plan.Distinct.Count > 0 && (wrap || plan.Sort.Count == 0) ? [.. distinctSort, .. plan.Sort] : plan.Sort);
        if (wrap)
        {
            // The outer query sorts by the sort values the inner one selected: its own scope has none of the joins.
            sql.Append(") AS \"t0\"");
            for (var i = 0; i < plan.Sort.Count; i++)
            {
                sql.Append(i == 0 ? " ORDER BY " : ", ").Column("t0", SortValueName(i));
                WriteDirection(sql, plan.Sort[i]);
            }
        }

        paging.Write(sql);
        WriteLock(sql, plan.Lock, scope.Alias);
        return (new CompiledStatement(sql.ToString(), sql.Parameters, columns) { Computed = computed, SortValues = returnSortValues ? sortValues : [], Tenancy = scope.Context.Tenancy, Tenant = scope.Context.Tenant }, sql.Rebindable ? sql.Slots : null);
    }

    /// <summary>
    /// Writes <c>, (aggregate) AS "name"</c> for each aggregate the plan loads: a correlated subquery, or the value of
    /// its grouped join when it is in <paramref name="grouped"/>.
    /// </summary>
    public static List<(string Name, Ashlar.Types.AttributeType Type)> WriteComputed(
        ExprWriter writer, ReadPlan plan, IReadOnlyList<(AggregateDefinition Aggregate, string Alias)>? grouped = null)
    {
        var computed = new List<(string, Ashlar.Types.AttributeType)>();
        foreach (var aggregate in plan.Aggregates)
        {
            writer.Sql.Append(", ");
            var alias = grouped?.FirstOrDefault(g => ReferenceEquals(g.Aggregate, aggregate)).Alias;
            if (alias is not null)
            {
                GroupedAggregateSql.WriteValue(writer.Sql, aggregate, alias);
            }
            else
            {
                writer.Write(new AggregateExpr([], aggregate));
            }

            writer.Sql.Append(" AS ").Identifier(aggregate.Name);
            computed.Add((aggregate.Name, aggregate.Type));
        }

        foreach (var calculation in plan.Calculations)
        {
            writer.Sql.Append(", ");
            writer.Write(calculation.Expression, calculation.Calculation.Type);
            writer.Sql.Append(" AS ").Identifier(calculation.Calculation.Name);
            computed.Add((calculation.Calculation.Name, calculation.Calculation.Type));
        }

        return computed;
    }

    /// <summary>
    /// Writes <c>, (sort expression) AS "ashlar_sort_N"</c> for each sort key when <paramref name="project"/>: keyset
    /// pages read them after the computed values (<see cref="Ashlar.DataLayer.ReadResult{T}"/>), and a DISTINCT ON
    /// wrapped in an outer query re-sorts by them. An expression holding values sends them once, shared with the
    /// ORDER BY. Returns their types.
    /// </summary>
    private static List<Ashlar.Types.AttributeType> WriteSortValues(ExprWriter writer, ReadPlan plan, bool project, bool required)
    {
        var types = new List<Ashlar.Types.AttributeType>();
        if (!project)
        {
            return types;
        }

        for (var i = 0; i < plan.Sort.Count; i++)
        {
            var type = ExprTypes.Of(plan.Sort[i].Expression);
            if (type is null && required)
            {
                throw new InvalidOperationException($"The sort key {plan.Sort[i].Expression} has no type, so its value cannot be returned.");
            }

            writer.Sql.Append(", ");
            writer.Write(plan.Sort[i].Expression, type);
            writer.Sql.Append(" AS ").Identifier(SortValueName(i));
            types.Add(type!);
        }

        return types;
    }

    private static string SortValueName(int index) => "ashlar_sort_" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>SELECT count(*)</c> over the plan's filter.</summary>
    public static CompiledStatement Count(DomainModel domain, ReadPlan plan)
    {
        var scope = SqlScope.Root(new SqlContext(domain, plan.Tenant), plan.Resource);
        var sql = new SqlBuilder().Append("SELECT count(*) FROM ").Append(TableNames.From(plan.Resource, scope.Context)).Append(" AS ").Identifier(scope.Alias);
        scope.WriteJoins(sql, RelationshipFilterPaths.Joins(plan.Filter));
        if (plan.Filter is not null)
        {
            sql.Append(" WHERE ");
            new ExprWriter(sql, scope).Write(plan.Filter);
        }

        return new CompiledStatement(sql.ToString(), sql.Parameters, []) { Tenancy = scope.Context.Tenancy, Tenant = scope.Context.Tenant };
    }

    public static void WriteOrderBy(ExprWriter writer, IReadOnlyList<SortKey> sort)
    {
        for (var i = 0; i < sort.Count; i++)
        {
            writer.Sql.Append(i == 0 ? " ORDER BY " : ", ");
            writer.Write(sort[i].Expression);
            WriteDirection(writer.Sql, sort[i]);
        }
    }

    private static void WriteDirection(SqlBuilder sql, SortKey key)
    {
        sql.Append(key.Descending ? " DESC" : " ASC");
        if (key.NullsFirst is { } nullsFirst)
        {
            sql.Append(nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    public static void WritePaging(SqlBuilder sql, ReadPlan plan)
    {
        if (plan.Limit is { } limit)
        {
            sql.Append(" LIMIT ").Append(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (plan.Offset is { } offset and > 0)
        {
            sql.Append(" OFFSET ").Append(offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void WriteLock(SqlBuilder sql, ReadLock? readLock, string alias)
    {
        if (readLock is null)
        {
            return;
        }

        sql.Append(readLock.Kind switch
        {
            LockKind.ForUpdate => " FOR UPDATE OF ",
            LockKind.ForNoKeyUpdate => " FOR NO KEY UPDATE OF ",
            LockKind.ForShare => " FOR SHARE OF ",
            _ => " FOR KEY SHARE OF ",
        }).Identifier(alias);
        sql.Append(readLock.Wait switch
        {
            LockWait.NoWait => " NOWAIT",
            LockWait.SkipLocked => " SKIP LOCKED",
            _ => "",
        });
    }

    /// <summary>The selected attributes, plus the keys loads need.</summary>
    private static IReadOnlyList<AttributeDefinition> Columns(ReadPlan plan)
    {
        if (plan.Select is null)
        {
            return plan.Resource.Attributes;
        }

        var needed = plan.Loads.Select(l => l.Relationship.SourceAttribute).ToHashSet(StringComparer.Ordinal);
        return plan.Resource.Attributes.Where(a => plan.Select.Contains(a) || needed.Contains(a.Name)).ToList();
    }

    private static IEnumerable<IReadOnlyList<RelationshipDefinition>> References(ReadPlan plan)
    {
        var expressions = new List<Expr?> { plan.Filter };
        expressions.AddRange(plan.Sort.Select(s => s.Expression));
        expressions.AddRange(plan.Distinct);
        expressions.AddRange(plan.Calculations.Select(c => c.Expression));
        expressions.AddRange(plan.Aggregates.Select(a => new AggregateExpr([], a)));
        return expressions.SelectMany(RelationshipFilterPaths.Joins);
    }

    /// <summary>The relationship paths loaded calculations reach.</summary>
    public static IEnumerable<IReadOnlyList<RelationshipDefinition>> ComputedReferences(ReadPlan plan) =>
        plan.Calculations.SelectMany(c => ExprWalker.References(c.Expression));
}
