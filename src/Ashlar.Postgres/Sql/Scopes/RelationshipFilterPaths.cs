using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Expressions;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Scopes;

/// <summary>
/// The to-one paths of a query level that relationship filters reach back to with <c>parent(...)</c>: a filter such as
/// <c>(comment, post) =&gt; comment.AuthorName == post.Author!.Name</c>, used by an EXISTS or aggregate subquery at this
/// level, reads <c>post.author.name</c> from the level itself, so the level must join <c>author</c> before the subquery
/// is written. The relationship filters are not part of the query's expression tree (they are declared on the
/// relationships), hence this walk.
/// </summary>
internal static class RelationshipFilterPaths
{
    /// <summary>The to-one paths a query level must join for <paramref name="expr"/>: its own references and those of <see cref="Of"/>.</summary>
    public static IEnumerable<IReadOnlyList<RelationshipDefinition>> Joins(Expr? expr) =>
        ExprWalker.References(expr).Concat(Of(expr));

    /// <summary>The paths the relationship filters of the EXISTS and aggregates evaluated at this level read through <c>parent(...)</c>.</summary>
    public static List<IReadOnlyList<RelationshipDefinition>> Of(Expr? expr)
    {
        var found = new List<IReadOnlyList<RelationshipDefinition>>();
        foreach (var (node, depth) in ExprWalker.Levels(expr))
        {
            var (relationship, path) = depth != 0 ? default : node switch
            {
                ExistsExpr exists => (exists.Path[0], (IReadOnlyList<RelationshipDefinition>)[]),
                AggregateExpr aggregate => (aggregate.Aggregate.Relationship, aggregate.Path),
                InlineAggregateExpr aggregate => (aggregate.Relationship, aggregate.Path),
                _ => default,
            };
            if (relationship is not null)
            {
                found.AddRange(ExprWalker.ParentReferences(AggregateSql.SourceRelative(relationship.Filter, path)));
            }
        }

        return found;
    }
}
