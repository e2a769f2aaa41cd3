using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>
/// Joins conditions with one logical operator. A short list stays a left-deep chain, as written; a long one becomes a
/// balanced tree, so its depth — and the depth of every recursive walk over it — grows with the logarithm of its length.
/// </summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public static class ExprChain
{
    /// <summary>Lists up to this long are joined left to right, so ordinary filters keep their SQL text.</summary>
    internal const int ShortChain = 8;

    /// <summary>The parts joined by <paramref name="op"/>, or null when there are none.</summary>
    public static Expr? Join(BinaryOperator op, IReadOnlyList<Expr> parts)
    {
        if (parts.Count <= ShortChain)
        {
            Expr? result = null;
            foreach (var part in parts)
            {
                result = result is null ? part : new BinaryExpr(op, result, part);
            }

            return result;
        }

        return Balanced(op, parts, 0, parts.Count);
    }

    private static Expr Balanced(BinaryOperator op, IReadOnlyList<Expr> parts, int start, int count)
    {
        if (count == 1)
        {
            return parts[start];
        }

        var half = (count + 1) / 2;
        return new BinaryExpr(op, Balanced(op, parts, start, half), Balanced(op, parts, start + half, count - half));
    }
}
