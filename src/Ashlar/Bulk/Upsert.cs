using System.Linq.Expressions;

namespace Ashlar.Bulk;

/// <summary>
/// Makes a create an upsert: an input whose primary key or identity already exists updates that row instead of
/// failing. One <c>INSERT … ON CONFLICT … DO UPDATE … WHERE …</c> per batch, safe under concurrency. Immutable.
/// </summary>
public sealed record Upsert
{
    /// <summary>The identity whose attributes are the conflict target (its WHERE included); the primary key when null.</summary>
    public string? Identity { get; init; }

    /// <summary>
    /// The attributes overwritten with the incoming values: by default every attribute the action accepts or sets
    /// (except the conflict target). Empty: the existing row is kept as it is (and reported as skipped).
    /// </summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Update only when this holds; see <see cref="When{T}"/>.</summary>
    public LambdaExpression? Condition { get; init; }

    /// <summary>Attributes set on conflict to expressions of the existing and incoming rows; see <see cref="Atomic{T, TValue}"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, LambdaExpression>> Atomics { get; init; } = [];

    /// <summary>Report the inputs whose existing row was kept (<see cref="BulkResult{T}.Skipped"/>).</summary>
    public bool ReportSkipped { get; init; }

    /// <summary>
    /// Move update timestamps (<c>updated_at</c>) on every conflict. By default they move only when one of the
    /// <see cref="Fields"/> really changed.
    /// </summary>
    public bool TouchUnchanged { get; init; }

    /// <summary>
    /// Updates the existing row only when <paramref name="condition"/> holds for it (first parameter) and the incoming
    /// values (second parameter, PostgreSQL's <c>EXCLUDED</c>), e.g. <c>(old, incoming) =&gt; incoming.Price != old.Price</c>.
    /// </summary>
    /// <typeparam name="T">The resource class.</typeparam>
    public Upsert When<T>(Expression<Func<T, T, bool>> condition)
        where T : class =>
        this with { Condition = condition };

    /// <summary>
    /// On conflict, sets <paramref name="attribute"/> to <paramref name="value"/>, evaluated by PostgreSQL over the
    /// existing row (first parameter) and the incoming one (second, <c>EXCLUDED</c>), e.g.
    /// <c>.Atomic&lt;Counter, int&gt;(c =&gt; c.Score, (old, incoming) =&gt; old.Score + incoming.Score)</c>. The
    /// attribute's constraints are checked in the statement. A new row is inserted with the incoming value.
    /// </summary>
    /// <typeparam name="T">The resource class.</typeparam>
    /// <typeparam name="TValue">The attribute's type.</typeparam>
    public Upsert Atomic<T, TValue>(Expression<Func<T, TValue>> attribute, Expression<Func<T, T, TValue>> value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(value);
        return this with { Atomics = [.. Atomics, new(Resources.MemberNames.Of(attribute), value)] };
    }
}
