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

    /// <summary>
    /// For a resource with optimistic locking: its version attribute and the value the caller's copy holds; the
    /// update only applies while the stored version is still that value.
    /// </summary>
    public FieldValue? Version { get; init; }

    /// <summary>Attributes set to expressions of the stored row, evaluated by the database in the same statement.</summary>
    public IReadOnlyList<AtomicChange> Atomics { get; init; } = [];
}
