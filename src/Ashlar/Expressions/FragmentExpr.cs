using System.Diagnostics.CodeAnalysis;
using Ashlar.Types;

namespace Ashlar.Expressions;

/// <summary>
/// Raw SQL written by the developer, with <c>?</c> placeholders for the arguments (which are expressions, so values
/// stay parameters). Only typed lambdas can produce it; the input parser never does.
/// </summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record FragmentExpr(string Sql, IReadOnlyList<Expr> Arguments) : Expr
{
    /// <summary>The type of the result, when known.</summary>
    public AttributeType? Type { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"fragment(\"{Sql}\", {string.Join(", ", Arguments)})";
}
