namespace Ashlar.Resources;

/// <summary>
/// A custom change of an action: reads the changeset (input, arguments, the record) and sets attributes, adds errors
/// or hooks. Runs before the write, in declaration order with the action's other changes and validations.
/// </summary>
/// <typeparam name="T">The resource class.</typeparam>
public interface IChange<T>
    where T : class
{
    /// <summary>Changes the changeset.</summary>
    ValueTask ChangeAsync(Changeset<T> changeset, ActionContext context, CancellationToken cancellationToken);
}
