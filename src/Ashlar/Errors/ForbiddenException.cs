namespace Ashlar.Errors;

/// <summary>The caller is not allowed to do what was asked.</summary>
public sealed class ForbiddenException : AshlarException
{
    /// <summary>Creates the exception from its errors.</summary>
    public ForbiddenException(IReadOnlyList<AshlarError> errors, Exception? innerException = null)
        : base(errors, innerException)
    {
    }
}
