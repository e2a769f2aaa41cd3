using System.Diagnostics.CodeAnalysis;

namespace Ashlar.DataLayer;

/// <summary>Everything a data layer needs to update or delete every record a read selects, in one statement. Immutable.</summary>
/// <param name="Query">The records to change: its filter (through relationships too), sort and limit select them.</param>
/// <param name="Changes">The values to write; empty to delete the records.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record QueryWritePlan(ReadPlan Query, IReadOnlyList<FieldValue> Changes)
{
    /// <summary>Whether the caller wants the records as they were written (or deleted).</summary>
    public bool ReturnRecords { get; init; }

    /// <summary>Attributes set to expressions of each stored row, evaluated by the database in the same statement.</summary>
    public IReadOnlyList<AtomicChange> Atomics { get; init; } = [];

    /// <summary>The tenant whose records are changed, for multitenant resources (the query's).</summary>
    public string? Tenant => Query.Tenant;
}
