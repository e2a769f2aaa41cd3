using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>Everything a data layer needs to insert many records of one resource. Immutable.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Columns">
/// Every attribute a row may carry a value for (what the action accepts, sets or defaults). A row without a value for
/// one of them stores the column's default.
/// </param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record BulkCreatePlan(ResourceDefinition Resource, IReadOnlyList<AttributeDefinition> Columns)
{
    /// <summary>The tenant the records belong to, for multitenant resources.</summary>
    public string? Tenant { get; init; }

    /// <summary>Whether the caller wants the records as stored.</summary>
    public bool ReturnRecords { get; init; }

    /// <summary>What to do when a row's key or identity already exists; null to refuse it.</summary>
    public UpsertPlan? Upsert { get; init; }
}
