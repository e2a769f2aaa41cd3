namespace Ashlar.Errors;

/// <summary>Ashlar or its data layer could not carry out the request.</summary>
public sealed class FrameworkException : AshlarException
{
    /// <summary>Creates the exception from its errors.</summary>
    public FrameworkException(IReadOnlyList<AshlarError> errors, Exception? innerException = null)
        : base(errors, innerException)
    {
    }
}
