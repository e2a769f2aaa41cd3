using System.Linq.Expressions;

namespace Ashlar.Resources;

/// <summary>Declares a many-to-many relationship's join resource and keys.</summary>
/// <typeparam name="T">The source resource.</typeparam>
/// <typeparam name="TDestination">The destination resource.</typeparam>
public sealed class ManyToManyBuilder<T, TDestination>
    where T : class
    where TDestination : class
{
    internal ManyToManyBuilder(RelationshipDraft draft)
    {
        Draft = draft;
    }

    internal RelationshipDraft Draft { get; private set; }

    /// <summary>The join resource, and its attributes holding the source's and the destination's keys.</summary>
    public ManyToManyBuilder<T, TDestination> Through<TJoin, TSourceKey, TDestinationKey>(
        Expression<Func<TJoin, TSourceKey>> sourceKey,
        Expression<Func<TJoin, TDestinationKey>> destinationKey)
        where TJoin : class
    {
        Draft = Draft with
        {
            ThroughType = typeof(TJoin),
            SourceAttributeOnJoin = MemberNames.Of(sourceKey),
            DestinationAttributeOnJoin = MemberNames.Of(destinationKey),
        };
        return this;
    }

    /// <summary>Hides the relationship from untrusted input.</summary>
    public ManyToManyBuilder<T, TDestination> Private()
    {
        Draft = Draft with { Public = false };
        return this;
    }
}
