namespace Ashlar.Errors;

/// <summary>The input or request was invalid; the errors say which field and why.</summary>
public sealed class InvalidException : AshlarException
{
    /// <summary>Creates the exception from its errors.</summary>
    public InvalidException(IReadOnlyList<AshlarError> errors, Exception? innerException = null)
        : base(errors, innerException)
    {
    }
}
