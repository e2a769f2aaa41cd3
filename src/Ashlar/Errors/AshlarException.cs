namespace Ashlar.Errors;

/// <summary>
/// The base of the four exceptions an Ashlar operation throws. It carries every error found, not only the first.
/// </summary>
public abstract class AshlarException : Exception
{
    /// <summary>Creates the exception from its errors.</summary>
    protected AshlarException(IReadOnlyList<AshlarError> errors, Exception? innerException)
        : base(Describe(errors), innerException)
    {
        Errors = errors;
    }

    /// <summary>Every error found, in the order found.</summary>
    public IReadOnlyList<AshlarError> Errors { get; }

    /// <summary>True when some error is of type <typeparamref name="TError"/> and matches <paramref name="predicate"/>.</summary>
    public bool Has<TError>(Func<TError, bool>? predicate = null)
        where TError : AshlarError =>
        Errors.OfType<TError>().Any(e => predicate is null || predicate(e));

    /// <summary>Wraps errors in the exception of the most severe class among them.</summary>
    public static AshlarException From(IReadOnlyList<AshlarError> errors, Exception? innerException = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        var worst = errors.Min(e => e.Class);
        return worst switch
        {
            ErrorClass.Forbidden => new ForbiddenException(errors, innerException),
            ErrorClass.Invalid => new InvalidException(errors, innerException),
            ErrorClass.Framework => new FrameworkException(errors, innerException),
            _ => new UnknownException(errors, innerException),
        };
    }

    /// <summary>Wraps one error in the exception of its class.</summary>
    public static AshlarException From(AshlarError error, Exception? innerException = null) =>
        From([error], innerException);

    private static string Describe(IReadOnlyList<AshlarError> errors) =>
        errors.Count == 1
            ? errors[0].ToString()
            : $"{errors.Count} errors:{Environment.NewLine}" +
              string.Join(Environment.NewLine, errors.Select(e => "  - " + e));
}
