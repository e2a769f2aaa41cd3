using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>One sort key of a read plan.</summary>
/// <param name="Expression">What to sort by.</param>
/// <param name="Descending">True for largest first.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record SortKey(Expr Expression, bool Descending)
{
    /// <summary>True to put nils first, false to put them last; null for the database's default (last when ascending).</summary>
    public bool? NullsFirst { get; init; }
}
