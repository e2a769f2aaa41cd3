using System.Linq.Expressions;
using Ashlar.Resources;

namespace Ashlar.Queries;

/// <summary>
/// The aggregates a query can compute in the database, as arguments of <c>Domain.AggregateAsync</c> and
/// <c>Domain.AggregateByAsync</c>: <c>a => a.Count()</c>, <c>a => a.Sum(p => p.Score)</c>, …. Fields may be
/// attributes, to-one related attributes or expressions, as in filters.
/// </summary>
/// <typeparam name="T">The resource class aggregated.</typeparam>
public sealed class Aggregations<T>
    where T : class
{
    internal static readonly Aggregations<T> Instance = new();

    private Aggregations()
    {
    }

    /// <summary>How many records there are (<c>count(*)</c>).</summary>
    public Aggregation<T, long> Count() => new(AggregateKind.Count, null, false);

    /// <summary>How many records have a non-nil <paramref name="field"/>; with <paramref name="distinct"/>, how many distinct values.</summary>
    public Aggregation<T, long> Count<TField>(Expression<Func<T, TField>> field, bool distinct = false) =>
        new(AggregateKind.Count, Field(field), distinct);

    /// <summary>
    /// The sum of a numeric field, of the field's type (0 when there are no records or every value is nil).
    /// Like LINQ's <c>Sum</c>, a sum too large for the type is an error; select a wider type to avoid it
    /// (<c>p => (long)p.Score</c>).
    /// </summary>
    public Aggregation<T, TField> Sum<TField>(Expression<Func<T, TField>> field, bool distinct = false) =>
        new(AggregateKind.Sum, Field(field), distinct);

    /// <summary>The smallest value of a field. With no records it is nil: select a nullable type (<c>p => (int?)p.Score</c>) to tell.</summary>
    public Aggregation<T, TField> Min<TField>(Expression<Func<T, TField>> field) => new(AggregateKind.Min, Field(field), false);

    /// <summary>The largest value of a field. With no records it is nil: select a nullable type (<c>p => (int?)p.Score</c>) to tell.</summary>
    public Aggregation<T, TField> Max<TField>(Expression<Func<T, TField>> field) => new(AggregateKind.Max, Field(field), false);

    /// <summary>The average of a numeric field as a <see cref="double"/>, or null when there are no non-nil values.</summary>
    public Aggregation<T, double?> Average<TField>(Expression<Func<T, TField>> field) => new(AggregateKind.Avg, Field(field), false);

    /// <summary>The exact average of a decimal field, or null when there are no non-nil values.</summary>
    public Aggregation<T, decimal?> Average(Expression<Func<T, decimal>> field) => new(AggregateKind.Avg, Field(field), false);

    /// <summary>The exact average of a decimal field, or null when there are no non-nil values.</summary>
    public Aggregation<T, decimal?> Average(Expression<Func<T, decimal?>> field) => new(AggregateKind.Avg, Field(field), false);

    private static LambdaExpression Field(LambdaExpression field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field;
    }
}
