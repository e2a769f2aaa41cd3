using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;

namespace Ashlar.Expressions;

/// <summary>
/// True when at least one record of <paramref name="Resource"/> — any resource of the domain, related or not —
/// matches the condition (<c>Fn.Exists&lt;Author&gt;(a =&gt; a.Email == email)</c>). References inside the
/// condition are relative to that resource; <see cref="ParentExpr"/> reaches back to the record being filtered.
/// </summary>
/// <param name="Resource">The resource whose records are searched.</param>
/// <param name="Condition">The condition a record must match (null: any record).</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record UnrelatedExistsExpr(ResourceDefinition Resource, Expr? Condition) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"exists({Resource.Name}{(Condition is null ? "" : ", " + Condition)})";
}
