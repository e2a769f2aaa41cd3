namespace Ashlar.LocalCluster;

/// <summary>
/// Thrown when no directory holding the PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>,
/// <c>postgres</c>) can be found. The message lists every place that was searched and how to fix it.
/// </summary>
public sealed class PostgresBinariesNotFoundException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public PostgresBinariesNotFoundException()
        : this("The PostgreSQL server programs (initdb, pg_ctl, postgres) were not found.")
    {
    }

    /// <summary>Creates the exception with the given message.</summary>
    /// <param name="message">What was searched and how to fix it.</param>
    public PostgresBinariesNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the given message and cause.</summary>
    /// <param name="message">What was searched and how to fix it.</param>
    /// <param name="innerException">The underlying failure.</param>
    public PostgresBinariesNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
