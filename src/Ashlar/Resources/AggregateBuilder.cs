using System.Linq.Expressions;

namespace Ashlar.Resources;

/// <summary>Declares the options of an aggregate.</summary>
/// <typeparam name="TDestination">The related resource.</typeparam>
public sealed class AggregateBuilder<TDestination>
    where TDestination : class
{
    internal AggregateBuilder(AggregateDraft draft)
    {
        Draft = draft;
    }

    internal AggregateDraft Draft { get; private set; }

    /// <summary>Aggregates only related records matching <paramref name="predicate"/>.</summary>
    public AggregateBuilder<TDestination> Filter(Expression<Func<TDestination, bool>> predicate)
    {
        Draft = Draft with { Filter = predicate };
        return this;
    }

    /// <summary>Counts or lists each distinct value once.</summary>
    public AggregateBuilder<TDestination> Uniq()
    {
        Draft = Draft with { Uniq = true };
        return this;
    }

    /// <summary>The value when there are no related records.</summary>
    public AggregateBuilder<TDestination> Default(object value)
    {
        Draft = Draft with { Default = value };
        return this;
    }

    /// <summary>Hides the aggregate from untrusted input.</summary>
    public AggregateBuilder<TDestination> Private()
    {
        Draft = Draft with { Public = false };
        return this;
    }
}
