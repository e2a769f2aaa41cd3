namespace Ashlar.Resources;

/// <summary>
/// A custom change with an atomic form: on an update (one record, or every record a query selects) Ashlar runs
/// <see cref="AtomicAsync"/> instead of <see cref="IChange{T}.ChangeAsync"/>, and the attributes it sets with
/// <see cref="Changeset{T}.SetAtomically{TValue}"/> are computed by the database in the update statement from the row
/// as stored then, so concurrent updates never lose one another's change. A create runs <c>ChangeAsync</c>.
/// </summary>
/// <typeparam name="T">The resource class.</typeparam>
public interface IAtomicChange<T> : IChange<T>
    where T : class
{
    /// <summary>
    /// Sets attributes to expressions of the stored row with <see cref="Changeset{T}.SetAtomically{TValue}"/>; may read
    /// the action's arguments and the call's input, but not the record (an update by query has none in memory).
    /// </summary>
    ValueTask AtomicAsync(Changeset<T> changeset, ActionContext context, CancellationToken cancellationToken);
}
