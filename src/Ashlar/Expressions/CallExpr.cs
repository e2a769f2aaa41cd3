using System.Diagnostics.CodeAnalysis;
using Ashlar.Types;

namespace Ashlar.Expressions;

/// <summary>A function applied to arguments: string, date, array, JSON and conditional functions.</summary>
/// <param name="Function">The function.</param>
/// <param name="Arguments">Its arguments, in order.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record CallExpr(ExprFunction Function, IReadOnlyList<Expr> Arguments) : Expr
{
    /// <summary>The type of the result, when known.</summary>
    public AttributeType? Type { get; init; }

    /// <summary>For string matching functions: compare without regard to case.</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>For date functions: the unit of the amount or of the truncation.</summary>
    public TimeUnit? Unit { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Function}({string.Join(", ", Arguments)})";
}
