using Ashlar.Domains;
using Ashlar.Expressions;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql;

/// <summary>
/// The to-one paths of a query level that relationship filters reach back to with <c>parent(...)</c>: a filter such as
/// <c>(comment, post) =&gt; comment.AuthorName == post.Author!.Name</c>, used by an EXISTS or aggregate subquery at this
/// level, reads <c>post.author.name</c> from the level itself, so the level must join <c>author</c> before the subquery
/// is written. The relationship filters are not part of the query's expression tree (they are declared), hence this
/// walk with the domain at hand.
/// </summary>
internal static class RelationshipFilterPaths
{
    public static List<IReadOnlyList<RelationshipDefinition>> Of(DomainModel domain, Expr? expr)
    {
        var found = new List<IReadOnlyList<RelationshipDefinition>>();
        if (expr is not null)
        {
            Walk(domain, expr, 0, found);
        }

        return found;
    }

    private static void Walk(DomainModel domain, Expr expr, int depth, List<IReadOnlyList<RelationshipDefinition>> found)
    {
        switch (expr)
        {
            case ParentExpr parent:
                Walk(domain, parent.Operand, depth - 1, found);
                return;
            case ExistsExpr exists:
                if (depth == 0)
                {
                    Add(domain, exists.Path[0], [], found);
                }

                if (exists.Condition is not null)
                {
                    Walk(domain, exists.Condition, depth + 1, found);
                }

                return;
            case AggregateExpr aggregate:
                if (depth == 0)
                {
                    Add(domain, aggregate.Aggregate.Relationship, aggregate.Path, found);
                }

                return;
            case InlineAggregateExpr aggregate:
                if (depth == 0)
                {
                    Add(domain, aggregate.Relationship, aggregate.Path, found);
                }

                foreach (var child in ExprWalker.Children(aggregate))
                {
                    Walk(domain, child, depth + 1, found);
                }

                return;
            case UnrelatedExistsExpr { Condition: { } condition }:
                Walk(domain, condition, depth + 1, found);
                return;
            default:
                foreach (var child in ExprWalker.Children(expr))
                {
                    Walk(domain, child, depth, found);
                }

                return;
        }
    }

    private static void Add(DomainModel domain, RelationshipDefinition relationship, IReadOnlyList<RelationshipDefinition> path, List<IReadOnlyList<RelationshipDefinition>> found)
    {
        var filter = AggregateSql.SourceRelative(domain.RelationshipFilter(relationship), path);
        found.AddRange(ExprWalker.ParentReferences(filter));
    }
}
