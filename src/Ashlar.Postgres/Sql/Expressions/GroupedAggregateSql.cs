using Ashlar.DataLayer;
using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Postgres.Types;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary>
/// Loaded aggregates of a top-level read as one grouped derived table each, LEFT JOINed on the relationship key:
/// <c>LEFT JOIN (SELECT key AS "k", count(*) AS "v" FROM dest WHERE key = ANY(ARRAY(SELECT id FROM source WHERE
/// filter)) GROUP BY key) AS "a1" ON "a1"."k" = "t0"."id"</c>. The restriction repeats the read's filter (reusing its
/// parameters), so Postgres aggregates only the rows the read returns in one pass instead of running a correlated
/// subquery per row. Missing groups take the aggregate's default (0 for counts), exactly as the subquery form.
/// </summary>
internal static class GroupedAggregateSql
{
    /// <summary>
    /// Whether <paramref name="aggregate"/> can be grouped for <paramref name="plan"/>: the read's rows must be exactly
    /// its filter's rows (no limit, offset, distinct or lock), the aggregate must be a per-group function (not first
    /// or exists), its relationship must keep all its rows (no declared limit: a per-group cut is what the correlated
    /// form's <see cref="LimitedRows"/> does), relate by a key (not manual) and its filters must not reach the source row.
    /// </summary>
    public static bool CanGroup(SqlContext context, ReadPlan plan, AggregateDefinition aggregate) =>
        plan.Limit is null && plan.Offset is null or 0 && plan.Distinct.Count == 0 && plan.Lock is null &&
        aggregate.Kind is not AggregateKind.First and not AggregateKind.Exists && !RelatedFrom.IsLimited(aggregate.Relationship) && !aggregate.Relationship.IsManual &&
        !HasParent(aggregate.Relationship.Filter) && !HasParent(aggregate.Filter);

    /// <summary>Writes the select-list value of a grouped aggregate joined as <paramref name="alias"/>.</summary>
    public static void WriteValue(SqlBuilder sql, AggregateDefinition aggregate, string alias)
    {
        var hasDefault = aggregate.Default is not null && aggregate.Kind is not AggregateKind.Count;
        var cast = aggregate.Kind is AggregateKind.Count or AggregateKind.Sum or AggregateKind.Avg;
        sql.Append(hasDefault ? "COALESCE(" : "").Append(cast ? "CAST(" : "");
        if (aggregate.Kind == AggregateKind.Count)
        {
            sql.Append("COALESCE(").Column(alias, "v").Append(", 0)");
        }
        else
        {
            sql.Column(alias, "v");
        }

        if (cast)
        {
            sql.Append(" AS ").Append(PgTypeMap.ColumnType(aggregate.Type)).Append(')');
        }

        if (hasDefault)
        {
            sql.Append(", ").Constant(aggregate.Default, aggregate.Type).Append(')');
        }
    }

    /// <summary>Writes the LEFT JOINs for <paramref name="grouped"/>.</summary>
    public static void WriteJoins(SqlBuilder sql, SqlScope root, ReadPlan plan, IReadOnlyList<(AggregateDefinition Aggregate, string Alias)> grouped)
    {
        foreach (var (aggregate, alias) in grouped)
        {
            var relationship = aggregate.Relationship;
            var domain = root.Context.Domain;
            var child = root.Child(domain.Resource(relationship.DestinationType));
            if (relationship.ThroughType is not null)
            {
                child.ThroughAlias = child.Context.NextAlias();
            }

            sql.Append(" LEFT JOIN (SELECT ");
            RelatedFrom.WriteKeyColumn(sql, child, relationship);
            sql.Append(" AS \"k\", ");
            AggregateSql.WriteValue(sql, child, aggregate, relationship.Sort);
            sql.Append(" AS \"v\"");
            RelatedFrom.WriteFrom(sql, child, relationship);
            var relationshipFilter = relationship.Filter;
            var aggregateFilter = aggregate.Filter;
            child.WriteJoins(sql, ExprWalker.References(relationshipFilter).Concat(ExprWalker.References(aggregateFilter)));
            var where = " WHERE ";
            if (plan.Filter is not null)
            {
                sql.Append(where);
                where = " AND ";
                WriteRestriction(sql, root, child, relationship, plan.Filter);
            }

            var inner = new ExprWriter(sql, child);
            foreach (var filter in new[] { relationshipFilter, aggregateFilter })
            {
                if (filter is not null)
                {
                    sql.Append(where);
                    where = " AND ";
                    inner.Write(filter);
                }
            }

            sql.Append(" GROUP BY ");
            RelatedFrom.WriteKeyColumn(sql, child, relationship);
            sql.Append(") AS ").Identifier(alias).Append(" ON ").Column(alias, "k").Append(" = ").Column(root.Alias, relationship.SourceAttribute);
        }
    }

    /// <summary>
    /// Restricts the groups to keys the read can return (a superset is harmless: extra groups join no row). When
    /// the filter has top-level conditions on the source key alone (<c>id = ANY($1)</c>), they are applied to the
    /// destination's key column directly; otherwise the key must be among the filter's rows.
    /// </summary>
    private static void WriteRestriction(SqlBuilder sql, SqlScope root, SqlScope child, RelationshipDefinition relationship, Expr filter)
    {
        var keyConditions = Conjuncts(filter).Where(c => OnKeyOnly(c, relationship.SourceAttribute)).ToList();
        var (keyAlias, keyColumn) = relationship.ThroughType is not null
            ? (child.ThroughAlias!, relationship.SourceAttributeOnJoin!)
            : (child.Alias, relationship.DestinationAttribute);
        if (keyConditions.Count > 0)
        {
            var renamed = new SqlScope(root.Context, root.Resource, root.Alias, null) { Renamed = (relationship.SourceAttribute, keyAlias, keyColumn) };
            new ExprWriter(sql, renamed).Write(ExprChain.Join(BinaryOperator.And, keyConditions)!);
            return;
        }

        sql.Column(keyAlias, keyColumn).Append(" = ANY(ARRAY(SELECT ");
        var restriction = new SqlScope(root.Context, root.Resource, root.Context.NextAlias(), null);
        sql.Column(restriction.Alias, relationship.SourceAttribute).Append(" FROM ")
            .Append(TableNames.From(root.Resource, root.Context)).Append(" AS ").Identifier(restriction.Alias);
        restriction.WriteJoins(sql, ExprWalker.References(filter));
        sql.Append(" WHERE ");
        new ExprWriter(sql, restriction).Write(filter);
        sql.Append("))");
    }

    private static IEnumerable<Expr> Conjuncts(Expr filter) =>
        filter is BinaryExpr { Operator: BinaryOperator.And } and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [filter];

    /// <summary><c>key in [values]</c> or <c>key == value</c> on the root's own key attribute, nothing else.</summary>
    private static bool OnKeyOnly(Expr condition, string key) => condition switch
    {
        InExpr { Operand: RefExpr { Path.Count: 0 } r } => r.Attribute.Name == key,
        BinaryExpr { Operator: BinaryOperator.Equal, Left: RefExpr { Path.Count: 0 } r, Right: ValueExpr } => r.Attribute.Name == key,
        BinaryExpr { Operator: BinaryOperator.Equal, Left: ValueExpr, Right: RefExpr { Path.Count: 0 } r } => r.Attribute.Name == key,
        _ => false,
    };

    // Conservative: any parent(...) in the aggregate's filters keeps the correlated subquery form.
    private static bool HasParent(Expr? expr) => expr is not null && (expr is ParentExpr || ExprWalker.Children(expr).Any(HasParent));
}
