namespace Ashlar.Errors;

/// <summary>A resource (a row lock, a connection, the server itself) could not be had right now.</summary>
public sealed record Unavailable(string Message) : AshlarError("unavailable", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;

    /// <summary>
    /// True when the cause passes by itself (a server restarting, a broken connection, no free connection slots, a
    /// timeout, a conflict with another transaction): the same request retried after a short wait may succeed.
    /// </summary>
    public bool IsTransient { get; init; }
}
