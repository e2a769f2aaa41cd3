using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;

namespace Ashlar.Expressions;

/// <summary>Rebuilds expression trees; used to place a calculation's expression where it is referenced.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public static class ExprRewriter
{
    /// <summary>
    /// Moves an expression over a resource to where that resource is reached: each reference gets
    /// <paramref name="path"/> in front and is evaluated <paramref name="parents"/> levels up.
    /// </summary>
    internal static Expr Rebase(Expr expr, IReadOnlyList<RelationshipDefinition> path, int parents) =>
        path.Count == 0 && parents == 0 ? expr : Rebase(expr, path, parents, 0);

    /// <summary>
    /// Rebases the references of <paramref name="expr"/> that are evaluated <paramref name="start"/> exists levels
    /// below the one being moved (0: the expression's own level).
    /// </summary>
    private static Expr Rebase(Expr expr, IReadOnlyList<RelationshipDefinition> path, int parents, int start) =>
        Map(expr, start, (node, depth) => node switch
        {
            RefExpr r when depth == 0 => Up(new RefExpr([.. path, .. r.Path], r.Attribute), parents),
            AggregateExpr a when depth == 0 => Up(new AggregateExpr([.. path, .. a.Path], a.Aggregate), parents),

            // Evaluated where the path starts, so its inner parent(...) references get the path but no extra levels.
            InlineAggregateExpr a when depth == 0 => Up(a with
            {
                Path = [.. path, .. a.Path],
                Value = a.Value is null ? null : Rebase(a.Value, path, 0, 1),
                Condition = a.Condition is null ? null : Rebase(a.Condition, path, 0, 1),
            }, parents),

            // Each hop of an exists path is a level of its own, so the condition is already relative to the last one.
            ExistsExpr e when depth == 0 => Up(e with { Path = [.. path, .. e.Path] }, parents),
            _ => null,
        });

    /// <summary>
    /// For a relationship's filter used where the source is reached through <paramref name="path"/> (to-one joins of
    /// the enclosing level): its <c>parent(...)</c> references get the path in front.
    /// </summary>
    public static Expr ParentsThrough(Expr expr, IReadOnlyList<RelationshipDefinition> path) =>
        path.Count == 0 ? expr : Map(expr, 0, (node, depth) =>
            node is ParentExpr parent && depth == 0 ? new ParentExpr(Rebase(parent.Operand, path, 0, 0)) : null);

    /// <summary>Rebuilds <paramref name="expr"/> top-down: a node <paramref name="replace"/> returns is used as it is, others are rebuilt from their children.</summary>
    internal static Expr Rewrite(Expr expr, Func<Expr, Expr?> replace) => Map(expr, 0, (node, _) => replace(node));

    private static Expr Up(Expr expr, int parents)
    {
        for (var i = 0; i < parents; i++)
        {
            expr = new ParentExpr(expr);
        }

        return expr;
    }

    /// <summary>Applies <paramref name="replace"/> bottom-up; depth counts exists levels (parents reduce it).</summary>
    private static Expr Map(Expr expr, int depth, Func<Expr, int, Expr?> replace) => replace(expr, depth) ?? expr switch
    {
        BinaryExpr b => b with { Left = Map(b.Left, depth, replace), Right = Map(b.Right, depth, replace) },
        NotExpr n => n with { Operand = Map(n.Operand, depth, replace) },
        IsNullExpr n => n with { Operand = Map(n.Operand, depth, replace) },
        InExpr i => i with { Operand = Map(i.Operand, depth, replace) },
        CallExpr c => c with { Arguments = c.Arguments.Select(a => Map(a, depth, replace)).ToList() },
        CastExpr c => c with { Operand = Map(c.Operand, depth, replace) },
        FragmentExpr f => f with { Arguments = f.Arguments.Select(a => Map(a, depth, replace)).ToList() },
        ConditionalExpr c => new ConditionalExpr(Map(c.Condition, depth, replace), Map(c.Then, depth, replace), Map(c.Else, depth, replace)),
        ParentExpr p => p with { Operand = Map(p.Operand, depth - 1, replace) },
        ExistsExpr { Condition: { } condition } e => e with { Condition = Map(condition, depth + 1, replace) },
        UnrelatedExistsExpr { Condition: { } condition } e => e with { Condition = Map(condition, depth + 1, replace) },
        InlineAggregateExpr a => a with
        {
            Value = a.Value is null ? null : Map(a.Value, depth + 1, replace),
            Condition = a.Condition is null ? null : Map(a.Condition, depth + 1, replace),
        },
        _ => expr,
    };
}
