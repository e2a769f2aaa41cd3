using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Ashlar.Resources;

/// <summary>Declares a many-to-many relationship's join resource and keys.</summary>
/// <typeparam name="T">The source resource.</typeparam>
/// <typeparam name="TDestination">The destination resource.</typeparam>
public sealed class ManyToManyBuilder<T, TDestination>
    where T : class
    where TDestination : class
{
    private readonly ResourceBuilder<T> _resource;

    internal ManyToManyBuilder(ResourceBuilder<T> resource, RelationshipDraft draft)
    {
        _resource = resource;
        Draft = draft;
    }

    internal RelationshipDraft Draft { get; private set; }

    /// <summary>The join resource, and its attributes holding the source's and the destination's keys.</summary>
    /// <param name="sourceKey">The join's property holding the source's key, as a lambda written at the call.</param>
    /// <param name="destinationKey">The join's property holding the destination's key, as a lambda written at the call.</param>
    /// <param name="sourceKeyText">Filled in by the compiler: the source text of <paramref name="sourceKey"/>.</param>
    /// <param name="destinationKeyText">Filled in by the compiler: the source text of <paramref name="destinationKey"/>.</param>
    public ManyToManyBuilder<T, TDestination> Through<TJoin, TSourceKey, TDestinationKey>(
        Func<TJoin, TSourceKey> sourceKey,
        Func<TJoin, TDestinationKey> destinationKey,
        [CallerArgumentExpression(nameof(sourceKey))] string? sourceKeyText = null,
        [CallerArgumentExpression(nameof(destinationKey))] string? destinationKeyText = null)
        where TJoin : class
    {
        var source = _resource.SelectName(typeof(TJoin), typeof(TSourceKey), sourceKeyText, $"many_to_many {Draft.Name} through");
        var destination = _resource.SelectName(typeof(TJoin), typeof(TDestinationKey), destinationKeyText, $"many_to_many {Draft.Name} through");
        if (source is not null && destination is not null)
        {
            Draft = Draft with
            {
                ThroughType = typeof(TJoin),
                SourceAttributeOnJoin = source,
                DestinationAttributeOnJoin = destination,
            };
        }

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
