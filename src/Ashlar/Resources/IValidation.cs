namespace Ashlar.Resources;

/// <summary>
/// A custom validation of an action: adds an error to the changeset (<see cref="Changeset{T}.AddError"/>) for each
/// thing wrong. Every validation runs, so all failures of one call are reported together.
/// </summary>
/// <typeparam name="T">The resource class.</typeparam>
public interface IValidation<T>
    where T : class
{
    /// <summary>Checks the changeset.</summary>
    ValueTask ValidateAsync(Changeset<T> changeset, ActionContext context, CancellationToken cancellationToken);
}
