namespace Ashlar.Errors;

/// <summary>A value in a filter could not be cast to the type of the field it is compared with.</summary>
public sealed record InvalidFilterValue(string Message) : AshlarError("invalid_filter_value", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
