using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Expressions;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Scopes;

/// <summary>
/// A to-one path through a SQL-joinable manual relationship (a filter or sort on <c>p.LatestReply!.Body</c>): no key
/// relates the rows, so the destination is joined laterally, one row per source row in the relationship's sort:
/// <c>LEFT JOIN LATERAL (SELECT "t2".* FROM dest AS "t2" WHERE &lt;join condition&gt; ORDER BY … LIMIT 1) AS "t1" ON TRUE</c>.
/// The join condition reads the source's own columns (checked when the domain is built).
/// </summary>
internal static class ManualToOneJoin
{
    public static void Write(SqlBuilder sql, SqlContext context, RelationshipDefinition relationship, string sourceAlias, string joinAlias)
    {
        var domain = context.Domain;
        var source = domain.Resources.First(r => r.Relationships.Any(x => ReferenceEquals(x, relationship)));
        var destination = domain.Resource(relationship.DestinationType);
        var inner = new SqlScope(context, destination, context.NextAlias(), new SqlScope(context, source, sourceAlias, null));
        var filter = relationship.Filter;
        var sort = relationship.Sort;
        sql.Append(" LEFT JOIN LATERAL (SELECT ").Identifier(inner.Alias).Append(".* FROM ")
            .Append(TableNames.From(destination, context)).Append(" AS ").Identifier(inner.Alias);
        inner.WriteJoins(sql, RelationshipFilterPaths.Joins(filter).Concat(sort.SelectMany(s => ExprWalker.References(s.Expression))));
        var writer = new ExprWriter(sql, inner);
        if (filter is not null)
        {
            sql.Append(" WHERE ");
            writer.Write(filter);
        }

        ReadCompiler.WriteOrderBy(writer, sort);
        sql.Append(" LIMIT 1) AS ").Identifier(joinAlias).Append(" ON TRUE");
    }
}
