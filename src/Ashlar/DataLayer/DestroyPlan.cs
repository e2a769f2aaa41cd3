using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>Everything a data layer needs to delete one record. Immutable.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Key">The primary-key values of the record to delete.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record DestroyPlan(ResourceDefinition Resource, IReadOnlyList<FieldValue> Key)
{
    /// <summary>The tenant the record belongs to, for multitenant resources.</summary>
    public string? Tenant { get; init; }
}
