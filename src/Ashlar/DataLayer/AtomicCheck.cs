using System.Diagnostics.CodeAnalysis;
using Ashlar.Expressions;

namespace Ashlar.DataLayer;

/// <summary>One constraint of an atomically written attribute: the statement fails when <paramref name="Violated"/> holds.</summary>
/// <param name="Violated">A condition over the new value that breaks the constraint (e.g. <c>score + 1 &gt; 10</c>).</param>
/// <param name="Message">The constraint's message, as a changeset reports it (e.g. <c>must be less than or equal to 10</c>).</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record AtomicCheck(Expr Violated, string Message)
{
    /// <summary>The field the error names; the written attribute's when null (an action's atomic validation names its own).</summary>
    public string? Field { get; init; }
}
