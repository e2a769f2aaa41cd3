namespace Ashlar.Errors;

/// <summary>A resource (a row lock, a connection) could not be had right now; retrying later may succeed.</summary>
public sealed record Unavailable(string Message) : AshlarError("unavailable", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
