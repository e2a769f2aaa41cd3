using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>A relationship to load for every record a read returns. Immutable.</summary>
/// <param name="Relationship">The relationship, from the read's resource.</param>
/// <param name="Query">The read of the related records: their filter, sort, per-parent limit/offset and nested loads.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record LoadPlan(RelationshipDefinition Relationship, ReadPlan Query);
