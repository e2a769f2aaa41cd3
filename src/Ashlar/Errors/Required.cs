namespace Ashlar.Errors;

/// <summary>An attribute that may not be nil was missing or nil.</summary>
public sealed record Required() : AshlarError("required", "is required")
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
