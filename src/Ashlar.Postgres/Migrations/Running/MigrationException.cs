namespace Ashlar.Postgres.Migrations.Running;

/// <summary>The base of every error the migration runner raises; the message says what to do.</summary>
public class MigrationException : Exception
{
    /// <summary>Creates the error with a message.</summary>
    public MigrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and the exception that caused it.</summary>
    public MigrationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error without a message (serializers need it).</summary>
    public MigrationException()
    {
    }
}
