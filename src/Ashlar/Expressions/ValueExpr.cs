using System.Diagnostics.CodeAnalysis;
using Ashlar.Types;

namespace Ashlar.Expressions;

/// <summary>A value supplied by the caller. Always sent to the database as a parameter, never as SQL text.</summary>
/// <param name="Value">The value, already cast to <paramref name="Type"/> when a type is known.</param>
/// <param name="Type">The attribute type the value is compared with, when known.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record ValueExpr(object? Value, AttributeType? Type) : Expr
{
    /// <inheritdoc />
    public override string ToString() => Value switch
    {
        null => "nil",
        string s => $"\"{s}\"",
        _ => Value.ToString() ?? "?",
    };
}
