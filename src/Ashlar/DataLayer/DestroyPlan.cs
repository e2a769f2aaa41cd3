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

    /// <summary>
    /// For a resource with optimistic locking: its version attribute and the value the caller's copy holds; the
    /// delete only applies while the stored version is still that value.
    /// </summary>
    public FieldValue? Version { get; init; }
}
