namespace Ashlar.Errors;

/// <summary>A value given for an attribute was refused: it could not be cast, broke a constraint, or clashed with stored data.</summary>
public sealed record InvalidAttribute(string Message) : AshlarError("invalid_attribute", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
