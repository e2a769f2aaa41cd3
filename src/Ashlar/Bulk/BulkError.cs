using Ashlar.Errors;

namespace Ashlar.Bulk;

/// <summary>
/// Why inputs of a bulk operation were not written: one input (<see cref="Count"/> = 1) that failed validation, or a
/// batch the database refused as a whole (its first input and size; the database does not say which row it was).
/// </summary>
/// <param name="Index">The zero-based position of the (first) input in the caller's sequence.</param>
/// <param name="Count">How many inputs, from <paramref name="Index"/> on, the errors concern.</param>
/// <param name="Errors">The typed errors, each naming its resource and field.</param>
public sealed record BulkError(int Index, int Count, IReadOnlyList<AshlarError> Errors)
{
    /// <inheritdoc />
    public override string ToString() =>
        (Count == 1 ? $"input {Index}: " : $"inputs {Index}..{Index + Count - 1}: ") + string.Join("; ", Errors);
}
