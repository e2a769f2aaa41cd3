namespace Ashlar.Errors;

/// <summary>Something unexpected failed; the inner exception holds the cause.</summary>
public sealed class UnknownException : AshlarException
{
    /// <summary>Creates the exception from its errors.</summary>
    public UnknownException(IReadOnlyList<AshlarError> errors, Exception? innerException = null)
        : base(errors, innerException)
    {
    }
}
