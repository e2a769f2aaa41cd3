using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Scopes;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary>
/// <c>exists(rel, cond)</c> as a correlated <c>EXISTS (SELECT 1 …)</c>: the destination is a child level whose
/// references resolve to its own alias, and <see cref="ParentExpr"/> to the enclosing one. Over a relationship with
/// a declared limit, the condition is checked among the rows the limit keeps (see <see cref="LimitedRows"/>).
/// </summary>
internal static class ExistsSql
{
    public static void Write(ExprWriter writer, ExistsExpr exists)
    {
        if (exists.Path.Count != 1)
        {
            var nested = exists.Path.Skip(1).Reverse().Aggregate(exists.Condition, (inner, r) => new ExistsExpr([r], inner));
            Write(writer, new ExistsExpr([exists.Path[0]], nested));
            return;
        }

        var relationship = exists.Path[0];
        var sql = writer.Sql;
        var domain = writer.Scope.Context.Domain;
        var child = writer.Scope.Child(domain.Resource(relationship.DestinationType));
        var filter = relationship.Filter;
        sql.Append("EXISTS (SELECT 1");

        // Without a condition, a limit of one or more keeps a row exactly when there is one: no derived table needed.
        var limited = RelatedFrom.IsLimited(relationship) && (exists.Condition is not null || relationship.Limit == 0);
        RelatedFrom.WriteRows(sql, writer.Scope.Alias, child, relationship, limited, filter, [exists.Condition]);
        sql.Append(')');
    }
}
