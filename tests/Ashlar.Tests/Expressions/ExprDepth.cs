using Ashlar.Expressions;

namespace Ashlar.Tests.Expressions;

/// <summary>The depth of an expression tree, measured with a stack of its own.</summary>
internal static class ExprDepth
{
    public static int Of(Expr expr)
    {
        var deepest = 0;
        var pending = new Stack<(Expr Node, int Depth)>();
        pending.Push((expr, 1));
        while (pending.TryPop(out var next))
        {
            deepest = Math.Max(deepest, next.Depth);
            foreach (var child in ExprWalker.Children(next.Node))
            {
                pending.Push((child, next.Depth + 1));
            }
        }

        return deepest;
    }
}
