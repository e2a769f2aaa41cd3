namespace Ashlar.Errors;

/// <summary>No record matched the given primary key or identity.</summary>
public sealed record NotFound(string Message) : AshlarError("not_found", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
