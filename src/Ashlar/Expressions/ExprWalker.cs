using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>Walks an expression tree: the direct operands of each node, and the references a query level needs.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public static class ExprWalker
{
    /// <summary>The direct operands of <paramref name="expr"/>, in order.</summary>
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
        foreach (var (node, depth) in Levels(expr))
        {
            if (depth == level && node is RefExpr or AggregateExpr or InlineAggregateExpr)
            {
                found.Add(node switch
                {
                    RefExpr reference => reference.Path,
                    AggregateExpr aggregate => aggregate.Path,
                    _ => ((InlineAggregateExpr)node).Path,
                });
            }
        }

        return found;
    }

    /// <summary>
    /// Every node of <paramref name="expr"/> with the query level it is evaluated at, relative to the root (0): an
    /// exists condition and an inline aggregate's value and condition are one level down, a <see cref="ParentExpr"/>
    /// operand one level up. References and aggregates are leaves.
    /// </summary>
    public static IEnumerable<(Expr Node, int Depth)> Levels(Expr? expr)
    {
        var pending = new Stack<(Expr Node, int Depth)>();
        if (expr is not null)
        {
            pending.Push((expr, 0));
        }

        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            yield return (node, depth);
            var childDepth = node switch
            {
                RefExpr or AggregateExpr => (int?)null,
                ParentExpr => depth - 1,
                ExistsExpr or UnrelatedExistsExpr or InlineAggregateExpr => depth + 1,
                _ => depth,
            };
            if (childDepth is { } next)
            {
                foreach (var child in Children(node).Reverse())
                {
                    pending.Push((child, next));
                }
            }
        }
    }
}
