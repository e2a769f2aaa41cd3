using System.Collections.Immutable;
using System.Linq.Expressions;
using Ashlar.DataLayer;

namespace Ashlar.Queries;

public sealed partial record Query<T>
{
    internal ImmutableList<LambdaExpression> SelectFields { get; init; } = [];

    internal ImmutableList<LambdaExpression> DistinctFields { get; init; } = [];

    internal ImmutableList<LambdaExpression> AggregateFields { get; init; } = [];

    internal DataLayer.ReadLock? LockValue { get; init; }

    internal ImmutableList<(LambdaExpression Field, object? Arguments)> CalculationFields { get; init; } = [];

    /// <summary>
    /// Computes a declared calculation in the same query and sets it on every record, with argument values that
    /// override the declared defaults: <c>.LoadCalculation(p =&gt; p.Boosted, new { factor = 3 })</c>.
    /// </summary>
    public Query<T> LoadCalculation<TValue>(Expression<Func<T, TValue>> calculation, object? arguments = null) =>
        this with { CalculationFields = CalculationFields.Add((calculation, arguments)) };

    /// <summary>
    /// Locks the rows read until the surrounding transaction ends (<c>domain.TransactionAsync</c>). With
    /// <see cref="LockWait.NoWait"/> a row locked elsewhere fails the read with an <see cref="Errors.Unavailable"/> error.
    /// </summary>
    public Query<T> Lock(LockKind kind = LockKind.ForUpdate, LockWait wait = LockWait.Wait) =>
        this with { LockValue = new DataLayer.ReadLock(kind, wait) };

    /// <summary>Computes a declared aggregate in the same query and sets it on every record: <c>.LoadAggregate(p =&gt; p.CommentCount)</c>.</summary>
    public Query<T> LoadAggregate<TValue>(Expression<Func<T, TValue>> aggregate) =>
        this with { AggregateFields = AggregateFields.Add(aggregate) };

    /// <summary>
    /// Reads only these attributes (the primary key is always read); the others keep their default values.
    /// </summary>
    public Query<T> Select(params Expression<Func<T, object?>>[] fields) =>
        this with { SelectFields = SelectFields.AddRange(fields) };

    /// <summary>Keeps one record per distinct value of <paramref name="field"/> (<c>DISTINCT ON</c>): the first in sort order.</summary>
    public Query<T> Distinct<TValue>(Expression<Func<T, TValue>> field) =>
        this with { DistinctFields = DistinctFields.Add(field) };
}
