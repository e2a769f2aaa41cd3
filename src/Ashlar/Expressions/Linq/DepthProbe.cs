using System.Linq.Expressions;

namespace Ashlar.Expressions.Linq;

/// <summary>Tells whether an expression tree is at most a given number of levels deep, without descending further.</summary>
internal sealed class DepthProbe(int limit) : ExpressionVisitor
{
    private int _depth;

    private bool _tooDeep;

    public static bool IsWithin(Expression node, int limit)
    {
        var probe = new DepthProbe(limit);
        probe.Visit(node);
        return !probe._tooDeep;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null || _tooDeep)
        {
            return node;
        }

        if (++_depth > limit)
        {
            _tooDeep = true;
        }
        else
        {
            base.Visit(node);
        }

        _depth--;
        return node;
    }

    /// <summary>A node of another library may not reduce; it is printed as it prints itself, so it is not descended.</summary>
    protected override Expression VisitExtension(Expression node) => node;
}
