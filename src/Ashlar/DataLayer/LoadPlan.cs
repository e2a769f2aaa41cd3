using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>A relationship to load for every record a read returns. Immutable.</summary>
/// <param name="Relationship">The relationship, from the read's resource.</param>
/// <param name="Query">The read of the related records: their filter, sort, per-parent limit/offset and nested loads.</param>
public sealed record LoadPlan(RelationshipDefinition Relationship, ReadPlan Query);
