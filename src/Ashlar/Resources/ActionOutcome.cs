namespace Ashlar.Resources;

/// <summary>How an action ended, as an after-transaction hook sees it.</summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed class ActionOutcome<T>
    where T : class
{
    internal ActionOutcome(T? record, Exception? error)
    {
        Record = record;
        Error = error;
    }

    /// <summary>True when the write was committed.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The record as stored (the record destroyed, for a destroy), or null when the action failed.</summary>
    public T? Record { get; }

    /// <summary>Why the action or its transaction failed, or null.</summary>
    public Exception? Error { get; }
}
