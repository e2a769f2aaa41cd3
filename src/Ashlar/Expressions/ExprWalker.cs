namespace Ashlar.Expressions;

/// <summary>Walks an expression tree: the direct operands of each node, and the references a query level needs.</summary>
internal static class ExprWalker
{
    public static IEnumerable<Expr> Children(Expr expr) => expr switch
    {
        BinaryExpr binary => [binary.Left, binary.Right],
        NotExpr not => [not.Operand],
        IsNullExpr isNull => [isNull.Operand],
        InExpr inExpr => [inExpr.Operand],
        CallExpr call => call.Arguments,
        CastExpr cast => [cast.Operand],
        FragmentExpr fragment => fragment.Arguments,
        ConditionalExpr conditional => [conditional.Condition, conditional.Then, conditional.Else],
        ParentExpr parent => [parent.Operand],
        ExistsExpr { Condition: { } condition } => [condition],
        UnrelatedExistsExpr { Condition: { } condition } => [condition],
        InlineAggregateExpr aggregate => new[] { aggregate.Value, aggregate.Condition }.OfType<Expr>(),
        _ => [],
    };

    /// <summary>
    /// The relationship paths of the references evaluated at the level of <paramref name="expr"/>: its own, plus
    /// <see cref="ParentExpr"/> operands nested inside exists conditions that reach back to this level.
    /// </summary>
    public static List<IReadOnlyList<Resources.RelationshipDefinition>> References(Expr? expr) => Collect(expr, 0);

    /// <summary>The relationship paths of the references that reach the level enclosing <paramref name="expr"/>.</summary>
    public static List<IReadOnlyList<Resources.RelationshipDefinition>> ParentReferences(Expr? expr) => Collect(expr, -1);

    private static List<IReadOnlyList<Resources.RelationshipDefinition>> Collect(Expr? expr, int level)
    {
        var found = new List<IReadOnlyList<Resources.RelationshipDefinition>>();
        if (expr is not null)
        {
            Collect(expr, 0, level, found);
        }

        return found;
    }

    private static void Collect(Expr expr, int depth, int level, List<IReadOnlyList<Resources.RelationshipDefinition>> found)
    {
        switch (expr)
        {
            case RefExpr reference:
                if (depth == level)
                {
                    found.Add(reference.Path);
                }

                return;
            case AggregateExpr aggregate:
                if (depth == level)
                {
                    found.Add(aggregate.Path);
                }

                return;
            case ParentExpr parent:
                Collect(parent.Operand, depth - 1, level, found);
                return;
            case ExistsExpr { Condition: { } condition }:
                Collect(condition, depth + 1, level, found);
                return;
            case UnrelatedExistsExpr { Condition: { } condition }:
                Collect(condition, depth + 1, level, found);
                return;
            case InlineAggregateExpr aggregate:
                if (depth == level)
                {
                    found.Add(aggregate.Path);
                }

                // The value and the condition are written one level down, at the relationship's destination.
                foreach (var child in Children(aggregate))
                {
                    Collect(child, depth + 1, level, found);
                }

                return;
            default:
                foreach (var child in Children(expr))
                {
                    Collect(child, depth, level, found);
                }

                return;
        }
    }
}
