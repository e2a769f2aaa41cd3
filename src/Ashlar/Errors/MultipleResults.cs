namespace Ashlar.Errors;

/// <summary>A read expected to return one record found more than one.</summary>
public sealed record MultipleResults(string Message) : AshlarError("multiple_results", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
