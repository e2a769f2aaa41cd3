using System.Linq.Expressions;

namespace Ashlar.Resources;

/// <summary>Declares the options of a manual relationship (<c>HasManyManual</c> / <c>HasOneManual</c>).</summary>
/// <typeparam name="T">The source resource.</typeparam>
/// <typeparam name="TDestination">The destination resource.</typeparam>
public sealed class ManualBuilder<T, TDestination>
    where T : class
    where TDestination : class
{
    internal ManualBuilder(RelationshipDraft draft)
    {
        Draft = draft;
    }

    internal RelationshipDraft Draft { get; private set; }

    /// <summary>Hides the relationship from untrusted input.</summary>
    public ManualBuilder<T, TDestination> Private()
    {
        Draft = Draft with { Public = false };
        return this;
    }

    /// <summary>
    /// Loads related records in this order; later calls break ties of earlier ones. For a to-one manual relationship
    /// it chooses the record when several match (the destination's primary key breaks ties). SQL-joinable only.
    /// </summary>
    public ManualBuilder<T, TDestination> Sort<TKey>(Expression<Func<TDestination, TKey>> field, bool descending = false)
    {
        Draft = Draft with { Sort = [.. Draft.Sort, (field, descending)] };
        return this;
    }

    /// <summary>Keeps at most <paramref name="limit"/> related records per source record (in the declared sort). SQL-joinable, to-many only.</summary>
    public ManualBuilder<T, TDestination> Limit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        Draft = Draft with { Limit = limit };
        return this;
    }
}
