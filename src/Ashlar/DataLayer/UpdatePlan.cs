using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>Everything a data layer needs to update one record. Immutable.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Key">The primary-key values of the record to update.</param>
/// <param name="Changes">The values to write.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record UpdatePlan(ResourceDefinition Resource, IReadOnlyList<FieldValue> Key, IReadOnlyList<FieldValue> Changes)
{
    /// <summary>The tenant the record belongs to, for multitenant resources.</summary>
    public string? Tenant { get; init; }
}
