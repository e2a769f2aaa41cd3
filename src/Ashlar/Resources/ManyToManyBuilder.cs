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

    /// <summary>Only related records matching <paramref name="predicate"/> belong to the relationship (in loads, filters and aggregates).</summary>
    public ManyToManyBuilder<T, TDestination> Filter(Expression<Func<TDestination, bool>> predicate)
    {
        Draft = Draft with { Filter = predicate };
        return this;
    }

    /// <summary>Loads related records in this order; later calls break ties of earlier ones.</summary>
    public ManyToManyBuilder<T, TDestination> Sort<TKey>(Expression<Func<TDestination, TKey>> field, bool descending = false)
    {
        Draft = Draft with { Sort = [.. Draft.Sort, (field, descending)] };
        return this;
    }

    /// <summary>Loads at most <paramref name="limit"/> related records per source record (in the declared sort).</summary>
    public ManyToManyBuilder<T, TDestination> Limit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        Draft = Draft with { Limit = limit };
        return this;
    }
}
