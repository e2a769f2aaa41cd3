namespace Ashlar.Errors;

/// <summary>A filter or sort named a field that does not exist or is not public.</summary>
public sealed record InvalidFilterReference(string Message) : AshlarError("invalid_filter_reference", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
