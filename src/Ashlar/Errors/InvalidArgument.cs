namespace Ashlar.Errors;

/// <summary>A value given for an action argument was refused: it could not be cast, broke a constraint, or failed a validation.</summary>
public sealed record InvalidArgument(string Message) : AshlarError("invalid_argument", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
