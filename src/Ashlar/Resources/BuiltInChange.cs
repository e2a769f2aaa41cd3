namespace Ashlar.Resources;

/// <summary>A change Ashlar provides, with the fields it reads and sets (checked when the domain is built).</summary>
internal sealed class BuiltInChange<T>(string name, IEnumerable<string> reads, IEnumerable<string> sets, Func<Changeset<T>, CancellationToken, ValueTask> change) : IChange<T>
    where T : class
{
    public string Name { get; } = name;

    public IEnumerable<string> Reads { get; } = reads;

    public IEnumerable<string> Sets { get; } = sets;

    /// <summary>The change's atomic form, run by updates instead of the in-memory one; null when it has none.</summary>
    public Func<Changeset<T>, CancellationToken, ValueTask>? Atomic { get; init; }

    /// <summary>The relationship the change writes, or null.</summary>
    public string? Relationship { get; init; }

    public ValueTask ChangeAsync(Changeset<T> changeset, ActionContext context, CancellationToken cancellationToken) =>
        change(changeset, cancellationToken);
}
