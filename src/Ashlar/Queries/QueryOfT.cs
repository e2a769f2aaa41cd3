using System.Collections.Immutable;
using System.Linq.Expressions;

namespace Ashlar.Queries;

/// <summary>
/// An immutable description of a read: filters, sorts and paging. Each method returns a new query;
/// the domain compiles it into a plan when it runs.
/// </summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed partial record Query<T>
    where T : class
{
    internal static readonly Query<T> All = new();

    private Query()
    {
    }

    internal ImmutableList<FilterSpec> Filters { get; init; } = [];

    internal ImmutableList<SortSpec> Sorts { get; init; } = [];

    internal int? LimitValue { get; init; }

    internal int? OffsetValue { get; init; }

    internal string? ActionName { get; init; }

    /// <summary>Keeps only records matching <paramref name="predicate"/> (combined with earlier filters by AND).</summary>
    public Query<T> Filter(Expression<Func<T, bool>> predicate) => this with { Filters = Filters.Add(new FilterSpec(predicate, null)) };

    /// <summary>Sorts by a field; later calls break ties of earlier ones.</summary>
    /// <param name="field">What to sort by: an attribute, a to-one related attribute or an expression.</param>
    /// <param name="descending">True for largest first.</param>
    /// <param name="nullsFirst">True to put nils first, false to put them last; null for PostgreSQL's default (nils count as largest).</param>
    public Query<T> Sort<TValue>(Expression<Func<T, TValue>> field, bool descending = false, bool? nullsFirst = null) =>
        this with { Sorts = Sorts.Add(new SortSpec(field, descending) { NullsFirst = nullsFirst }) };

    /// <summary>Returns at most <paramref name="limit"/> records.</summary>
    public Query<T> Limit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return this with { LimitValue = limit };
    }

    /// <summary>Skips the first <paramref name="offset"/> records.</summary>
    public Query<T> Offset(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return this with { OffsetValue = offset };
    }

    /// <summary>Runs the query through the named read action instead of the primary one.</summary>
    public Query<T> Action(string name) => this with { ActionName = name };
}
