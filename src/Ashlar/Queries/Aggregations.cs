using System.Linq.Expressions;

namespace Ashlar.Queries;

/// <summary>
/// The aggregates a query can compute in the database, written inside the aggregate lambda of
/// <c>Domain.AggregateAsync</c> and <c>Domain.AggregateByAsync</c> — one (<c>a =&gt; a.Sum(p =&gt; p.Score)</c>) or several
/// at once (<c>a =&gt; new { Posts = a.Count(), Score = a.Sum(p =&gt; p.Score) }</c>). Fields may be attributes, to-one
/// related attributes or expressions, as in filters. Like <see cref="Expressions.Fn"/>, the methods only describe
/// the query and throw when called directly.
/// </summary>
/// <typeparam name="T">The resource class aggregated.</typeparam>
public sealed class Aggregations<T>
    where T : class
{
    private Aggregations()
    {
    }

    /// <summary>How many records there are (<c>count(*)</c>).</summary>
    public long Count() => throw OutsideQuery();

    /// <summary>How many records have a non-nil <paramref name="field"/>; with <paramref name="distinct"/>, how many distinct values.</summary>
    public long Count<TField>(Expression<Func<T, TField>> field, bool distinct = false) => throw OutsideQuery();

    /// <summary>
    /// The sum of a numeric field, of the field's type (0 when there are no records or every value is nil).
    /// Like LINQ's <c>Sum</c>, a sum too large for the type is an error; select a wider type to avoid it
    /// (<c>p => (long)p.Score</c>).
    /// </summary>
    public TField Sum<TField>(Expression<Func<T, TField>> field, bool distinct = false) => throw OutsideQuery();

    /// <summary>The smallest value of a field. With no records it is nil: select a nullable type (<c>p => (int?)p.Score</c>) to tell.</summary>
    public TField Min<TField>(Expression<Func<T, TField>> field) => throw OutsideQuery();

    /// <summary>The largest value of a field. With no records it is nil: select a nullable type (<c>p => (int?)p.Score</c>) to tell.</summary>
    public TField Max<TField>(Expression<Func<T, TField>> field) => throw OutsideQuery();

    /// <summary>The average of a numeric field as a <see cref="double"/>, or null when there are no non-nil values.</summary>
    public double? Average<TField>(Expression<Func<T, TField>> field) => throw OutsideQuery();

    /// <summary>The exact average of a decimal field, or null when there are no non-nil values.</summary>
    public decimal? Average(Expression<Func<T, decimal>> field) => throw OutsideQuery();

    /// <summary>The exact average of a decimal field, or null when there are no non-nil values.</summary>
    public decimal? Average(Expression<Func<T, decimal?>> field) => throw OutsideQuery();

    private static InvalidOperationException OutsideQuery() =>
        new("Aggregations only describe aggregate queries; use them inside the lambda given to AggregateAsync or AggregateByAsync.");
}
