namespace Ashlar.Errors;

/// <summary>
/// A filter or sort from input is larger than <see cref="Expressions.Input.InputLimits"/> allows: too many conditions, nested
/// too deeply, too many bytes, or a string too long. Also a typed lambda nested too deeply to translate.
/// </summary>
public sealed record InvalidFilterSize(string Message) : AshlarError("invalid_filter_size", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
