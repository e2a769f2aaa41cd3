using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Postgres.Types;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary>
/// An aggregate as a correlated scalar subquery over the relationship's destination, honouring the relationship's
/// and the aggregate's filters and the relationship's limit (the aggregate's filter chooses among the rows the limit
/// keeps, see <see cref="LimitedRows"/>); cast to the declared type, with the declared default for no rows.
/// </summary>
internal static class AggregateSql
{
    public static void Write(ExprWriter writer, AggregateExpr expr)
    {
        var aggregate = expr.Aggregate;
        var relationship = aggregate.Relationship;
        var sql = writer.Sql;
        var domain = writer.Scope.Context.Domain;
        var hasDefault = aggregate.Default is not null && aggregate.Kind is not AggregateKind.Count and not AggregateKind.Exists;
        var cast = aggregate.Kind is AggregateKind.Count or AggregateKind.Sum or AggregateKind.Avg;
        sql.Append(hasDefault ? "COALESCE(" : "").Append(cast ? "CAST(" : "");
        sql.Append(aggregate.Kind == AggregateKind.Exists ? "EXISTS (SELECT 1" : "(SELECT ");
        var child = writer.Scope.Child(domain.Resource(relationship.DestinationType));
        var limited = RelatedFrom.IsLimited(relationship);
        if (relationship.ThroughType is not null && !limited)
        {
            child.ThroughAlias = child.Context.NextAlias();
        }

        var sort = relationship.Sort;
        var relationshipFilter = SourceRelative(relationship.Filter, expr.Path);
        var aggregateFilter = aggregate.Filter;
        var ordered = aggregate.Kind is AggregateKind.First || (aggregate.Kind is AggregateKind.List && !aggregate.Uniq);
        child.Register(ordered ? sort.SelectMany(s => ExprWalker.References(s.Expression)) : []);
        WriteValue(sql, child, aggregate, sort);
        var where = RelatedFrom.WriteRows(sql, writer.Scope.AliasOf(expr.Path), child, relationship, limited, relationshipFilter, [aggregateFilter]);
        if (aggregate.Kind == AggregateKind.First)
        {
            sql.Append(where).Column(child.Alias, aggregate.Field!).Append(" IS NOT NULL");
            ReadCompiler.WriteOrderBy(new ExprWriter(sql, child), sort);
            sql.Append(" LIMIT 1");
        }

        sql.Append(')');
        if (cast)
        {
            sql.Append(" AS ").Append(PgTypeMap.ColumnType(aggregate.Type)).Append(')');
        }

        if (hasDefault)
        {
            sql.Append(", ").Constant(aggregate.Default, aggregate.Type).Append(')');
        }
    }

    /// <summary>
    /// A relationship's filter for an aggregate evaluated through <paramref name="path"/>: its <c>parent(...)</c>
    /// references are to the source, which the enclosing level reaches by that path.
    /// </summary>
    public static Expr? SourceRelative(Expr? filter, IReadOnlyList<RelationshipDefinition> path) =>
        filter is null ? null : ExprRewriter.ParentsThrough(filter, path);

    /// <summary>The SQL function of a count, sum, avg, min or max.</summary>
    public static string Function(AggregateKind kind) => kind switch
    {
        AggregateKind.Count => "count",
        AggregateKind.Sum => "sum",
        AggregateKind.Avg => "avg",
        AggregateKind.Min => "min",
        AggregateKind.Max => "max",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an aggregate function"),
    };

    /// <summary>Writes the aggregate function over the destination level (nothing for exists).</summary>
    public static void WriteValue(SqlBuilder sql, SqlScope child, AggregateDefinition aggregate, IReadOnlyList<SortKey> sort)
    {
        switch (aggregate.Kind)
        {
            case AggregateKind.Exists:
                return;
            case AggregateKind.Count when aggregate.Field is null:
                sql.Append("count(*)");
                return;
            case AggregateKind.First:
                sql.Column(child.Alias, aggregate.Field!);
                return;
            case AggregateKind.List:
                sql.Append("array_agg(").Append(aggregate.Uniq ? "DISTINCT " : "").Column(child.Alias, aggregate.Field!);
                if (!aggregate.Uniq)
                {
                    ReadCompiler.WriteOrderBy(new ExprWriter(sql, child), sort);
                }

                sql.Append(')');
                return;
            default:
                sql.Append(Function(aggregate.Kind)).Append('(').Append(aggregate.Uniq ? "DISTINCT " : "").Column(child.Alias, aggregate.Field!).Append(')');
                return;
        }
    }
}
