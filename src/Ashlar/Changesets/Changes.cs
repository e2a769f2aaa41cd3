using System.Linq.Expressions;
using Ashlar.Resources;

namespace Ashlar.Changesets;

/// <summary>
/// The input of an update with atomic changes: plain values (as any input) plus attributes set to expressions of the
/// stored row, evaluated by the database in the update statement — so concurrent updates never lose one. Pass it as
/// the input of <c>UpdateAsync</c>, <c>UpdateAllAsync</c> or <c>UpdateAllReturningAsync</c>. Immutable.
/// </summary>
/// <example><c>await domain.UpdateAsync(counter, new Changes&lt;Counter&gt;().Atomic(c =&gt; c.Score, c =&gt; c.Score + 1));</c></example>
/// <typeparam name="T">The resource class.</typeparam>
public sealed class Changes<T> : IAtomicInput
    where T : class
{
    private readonly List<KeyValuePair<string, LambdaExpression>> _atomics;

    /// <summary>Starts from plain input values (an anonymous object, a dictionary or a JSON object), or none.</summary>
    public Changes(object? input = null)
        : this(input, [])
    {
    }

    private Changes(object? input, List<KeyValuePair<string, LambdaExpression>> atomics)
    {
        Input = input;
        _atomics = atomics;
    }

    /// <summary>The plain input values.</summary>
    public object? Input { get; }

    /// <summary>The atomic changes: attribute name and the expression of the row it is set to.</summary>
    public IReadOnlyList<KeyValuePair<string, LambdaExpression>> Atomics => _atomics;

    Type IAtomicInput.ResourceType => typeof(T);

    /// <summary>
    /// Also sets <paramref name="attribute"/> to <paramref name="value"/>, an expression of the row as stored when the
    /// statement runs (its attributes, to-one paths, aggregates and calculations), e.g. <c>c =&gt; c.Score + 1</c>. The
    /// attribute's constraints are checked in the same statement: a value past them fails it and nothing is written.
    /// </summary>
    public Changes<T> Atomic<TValue>(Expression<Func<T, TValue>> attribute, Expression<Func<T, TValue>> value)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(value);
        return new Changes<T>(Input, [.. _atomics, new(MemberNames.Of(attribute), value)]);
    }
}
