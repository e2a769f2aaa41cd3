using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>Everything a data layer needs to insert one record. Immutable.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Values">Every value to insert; attributes absent here get their storage default.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record CreatePlan(ResourceDefinition Resource, IReadOnlyList<FieldValue> Values)
{
    /// <summary>The tenant the record belongs to, for multitenant resources.</summary>
    public string? Tenant { get; init; }
}
