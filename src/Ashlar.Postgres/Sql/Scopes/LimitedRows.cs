using System.Globalization;
using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Expressions;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Scopes;

/// <summary>
/// The rows of a relationship with a declared limit, as a derived table standing for its destination:
/// <c> FROM (SELECT "t2".* FROM dest AS "t2" WHERE key = source.key AND &lt;relationship filter&gt; ORDER BY
/// &lt;relationship sort&gt; LIMIT n) AS "t1"</c>. The relationship's filter applies before the limit; a subquery's own
/// conditions (an exists condition, an aggregate's filter) are written on <c>"t1"</c>, so they choose among those rows.
/// </summary>
internal static class LimitedRows
{
    /// <summary>
    /// Writes the derived table for the relationship's rows of the source row <paramref name="sourceAlias"/>, aliased
    /// as <paramref name="child"/>'s alias. <paramref name="relationshipFilter"/> is written one level below
    /// <paramref name="child"/>'s parent, so its <c>parent(...)</c> references reach the same row.
    /// </summary>
    public static void Write(SqlBuilder sql, string sourceAlias, SqlScope child, RelationshipDefinition relationship, Expr? relationshipFilter)
    {
        var context = child.Context;
        var sort = relationship.Sort;
        var inner = new SqlScope(context, child.Resource, context.NextAlias(), child.Parent);
        sql.Append(" FROM (SELECT ").Identifier(inner.Alias).Append(".*");
        RelatedFrom.WriteFrom(sql, inner, relationship);
        inner.WriteJoins(sql, ExprWalker.References(relationshipFilter).Concat(sort.SelectMany(s => ExprWalker.References(s.Expression))));
        var writer = new ExprWriter(sql, inner);
        var where = " WHERE ";
        if (!relationship.IsManual)
        {
            sql.Append(where);
            RelatedFrom.WriteCorrelation(sql, sourceAlias, inner, relationship);
            where = " AND ";
        }

        if (relationshipFilter is not null)
        {
            sql.Append(where);
            writer.Write(relationshipFilter);
        }

        ReadCompiler.WriteOrderBy(writer, sort);
        sql.Append(" LIMIT ").Append(relationship.Limit!.Value.ToString(CultureInfo.InvariantCulture))
            .Append(") AS ").Identifier(child.Alias);
    }
}
