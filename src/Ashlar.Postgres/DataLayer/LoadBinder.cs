using System.Collections;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Postgres.DataLayer;

/// <summary>
/// Puts one relationship's loaded records on their parents, typed: the parents' keys are read by a compiled getter
/// without boxing, rows are grouped by key as they are read, and each parent gets its group through a compiled
/// setter. Built once per relationship (reflection only here), then shared by every load of it.
/// </summary>
internal abstract class LoadBinder
{
    /// <summary>The type of the parents' key (the relationship's source attribute).</summary>
    public abstract AttributeType KeyType { get; }

    /// <summary>The binder for <paramref name="relationship"/> of <paramref name="source"/>, whose records are <paramref name="destination"/>'s.</summary>
    public static LoadBinder Create(ResourceDefinition source, RelationshipDefinition relationship, ResourceDefinition destination)
    {
        var key = source.Attribute(relationship.SourceAttribute)
            ?? throw new InvalidOperationException($"{source.Name}.{relationship.Name} has no source attribute {relationship.SourceAttribute}.");
        var type = typeof(LoadBinder<,,>).MakeGenericType(source.ClrType, key.Type.ClrType, destination.ClrType);
        return (LoadBinder)Activator.CreateInstance(type, source, key, relationship)!;
    }

    /// <summary>Starts a load for <paramref name="parents"/>: collects their distinct keys.</summary>
    /// <param name="parents">The parent records.</param>
    /// <param name="keepRecords">Whether the loaded records are wanted as a list too (for nested loads).</param>
    public abstract LoadBatch Begin(IEnumerable parents, bool keepRecords);
}
