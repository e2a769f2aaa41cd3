namespace Ashlar.Errors;

/// <summary>
/// <c>UpdateAsync(record, input)</c> found nothing to write, but the object passed holds a value the stored record
/// does not: a change made to the object (which only the input, or the typed <c>UpdateAsync(record, r =&gt; …)</c>,
/// writes), or a change someone else stored since the record was read. Nothing was written.
/// </summary>
public sealed record UnsavedChanges(string Message) : AshlarError("unsaved_changes", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
