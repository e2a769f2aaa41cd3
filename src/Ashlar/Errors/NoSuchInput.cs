namespace Ashlar.Errors;

/// <summary>The input named a field that the action does not accept.</summary>
public sealed record NoSuchInput(string Message) : AshlarError("no_such_input", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
