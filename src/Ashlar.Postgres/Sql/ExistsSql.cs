using Ashlar.Expressions;

namespace Ashlar.Postgres.Sql;

/// <summary>
/// <c>exists(rel, cond)</c> as a correlated <c>EXISTS (SELECT 1 …)</c>: the destination is a child level whose
/// references resolve to its own alias, and <see cref="ParentExpr"/> to the enclosing one.
/// </summary>
internal static class ExistsSql
{
    public static void Write(FilterWriter writer, ExistsExpr exists)
    {
        if (exists.Path.Count != 1)
        {
            var nested = exists.Path.Skip(1).Reverse().Aggregate(exists.Condition, (inner, r) => new ExistsExpr([r], inner));
            Write(writer, new ExistsExpr([exists.Path[0]], nested));
            return;
        }

        var relationship = exists.Path[0];
        var sql = writer.Sql;
        sql.Append("EXISTS (SELECT 1");
        var child = RelatedFrom.Write(sql, writer.Scope, relationship);
        child.WriteJoins(sql, ExprWalker.References(exists.Condition));
        sql.Append(" WHERE ");
        RelatedFrom.WriteCorrelation(sql, writer.Scope, child, relationship);
        var inner = new FilterWriter(sql, child);
        if (RelatedFrom.Filter(child.Context.Domain, relationship) is { } filter)
        {
            sql.Append(" AND ");
            inner.Write(filter);
        }

        if (exists.Condition is not null)
        {
            sql.Append(" AND ");
            inner.Write(exists.Condition);
        }

        sql.Append(')');
    }
}
