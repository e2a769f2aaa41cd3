using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Types;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary>
/// An aggregate written in a lambda (<c>p.Comments!.Sum(c =&gt; c.Likes)</c>) as the correlated scalar subquery a
/// declared aggregate of its kind produces: the relationship's filter and the inline condition restrict the rows, and
/// with a declared limit the condition chooses among the rows the limit keeps (see <see cref="LimitedRows"/>).
/// As in LINQ, a count or sum of no rows is 0, a min, max or average of no rows is nil.
/// </summary>
internal static class InlineAggregateSql
{
    public static void Write(ExprWriter writer, InlineAggregateExpr expr)
    {
        var relationship = expr.Relationship;
        var sql = writer.Sql;
        var domain = writer.Scope.Context.Domain;
        var zero = expr.Kind == AggregateKind.Sum;
        var cast = expr.Kind is AggregateKind.Count or AggregateKind.Sum or AggregateKind.Avg;
        sql.Append(zero ? "COALESCE(" : "").Append(cast ? "CAST(" : "").Append("(SELECT ");
        var child = writer.Scope.Child(domain.Resource(relationship.DestinationType));
        var limited = RelatedFrom.IsLimited(relationship);
        if (relationship.ThroughType is not null && !limited)
        {
            child.ThroughAlias = child.Context.NextAlias();
        }

        var relationshipFilter = AggregateSql.SourceRelative(relationship.Filter, expr.Path);
        child.Register(RelatedFrom.References(limited, relationshipFilter, [expr.Value, expr.Condition]));
        var inner = new ExprWriter(sql, child);
        if (expr.Value is null)
        {
            sql.Append("count(*)");
        }
        else
        {
            sql.Append(AggregateSql.Function(expr.Kind)).Append('(');
            inner.Write(expr.Value);
            sql.Append(')');
        }

        RelatedFrom.WriteRows(sql, writer.Scope.AliasOf(expr.Path), child, relationship, limited, relationshipFilter, [expr.Condition]);
        sql.Append(')');
        if (cast)
        {
            sql.Append(" AS ").Append(PgTypeMap.ColumnType(expr.Type)).Append(')');
        }

        if (zero)
        {
            sql.Append(", 0)");
        }
    }
}
