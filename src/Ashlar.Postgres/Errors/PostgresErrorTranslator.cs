using Ashlar.Errors;
using Npgsql;

namespace Ashlar.Postgres.Errors;

/// <summary>
/// The one place that turns a <see cref="PostgresException"/> into Ashlar errors. The original exception is kept
/// as the inner exception; values of the row are never copied into messages.
/// </summary>
internal sealed class PostgresErrorTranslator(ConstraintCatalog catalog)
{
    public AshlarException Translate(PostgresException exception, string resource, WriteKind kind)
    {
        var constraint = catalog.Find(exception.SchemaName, exception.TableName, exception.ConstraintName);
        AshlarError error = exception.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => new InvalidAttribute(constraint?.Message ?? "has already been taken")
            {
                Resource = constraint?.Resource ?? resource,
                Field = constraint?.Field,
            },
            PostgresErrorCodes.ForeignKeyViolation when kind is WriteKind.Destroy || (constraint is not null && constraint.Resource != resource) =>
                new InvalidAttribute(constraint is null
                    ? "would leave records behind"
                    : $"would leave records behind: {constraint.Resource}.{constraint.Field} still refers to it")
                {
                    Resource = resource,
                    Field = constraint?.ReferencedField,
                },
            PostgresErrorCodes.ForeignKeyViolation => new InvalidAttribute(
                constraint?.ReferencedResource is { } referenced ? $"does not exist: no {referenced} has that key" : "does not exist")
            {
                Resource = resource,
                Field = constraint?.Field,
            },
            PostgresErrorCodes.CheckViolation => new InvalidAttribute(constraint?.Message ?? $"is invalid (check constraint {exception.ConstraintName})")
            {
                Resource = constraint?.Resource ?? resource,
                Field = constraint?.Field,
            },
            PostgresErrorCodes.NotNullViolation => new Required { Resource = resource, Field = exception.ColumnName },
            PostgresErrorCodes.NumericValueOutOfRange when kind == WriteKind.Read => new InvalidAttribute(
                $"a value computed by the read does not fit its type ({exception.MessageText}): an aggregate or calculation overflowed; " +
                "compute it in a wider type, e.g. Sum(c => (long)c.Likes) or Fn.Cast<decimal>(…)")
            {
                Resource = resource,
            },
            PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.NumericValueOutOfRange or
            PostgresErrorCodes.InvalidTextRepresentation or PostgresErrorCodes.InvalidDatetimeFormat or
            PostgresErrorCodes.DatetimeFieldOverflow => new InvalidAttribute($"is invalid: {exception.MessageText}")
            {
                Resource = resource,
                Field = exception.ColumnName,
            },
            PostgresErrorCodes.LockNotAvailable => new Unavailable("the row is locked by another transaction; try again") { Resource = resource },
            PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected =>
                new Unavailable("the transaction conflicted with another one; try again") { Resource = resource },
            PostgresErrorCodes.UndefinedTable => new UnsupportedFeature(
                $"the table does not exist ({exception.MessageText}); run the migrations (dotnet run -- migrate)")
            { Resource = resource },
            _ => new UnknownError($"the database refused the operation ({exception.SqlState}: {exception.MessageText})")
            {
                Resource = resource,
                SqlState = exception.SqlState,
                Constraint = exception.ConstraintName,
            },
        };

        return AshlarException.From(error, exception);
    }

    /// <summary>The database could not be reached or the connection broke: retrying later may succeed.</summary>
    public static AshlarException Unreachable(NpgsqlException exception, string resource) =>
        AshlarException.From(
            new Unavailable($"the database could not be reached ({exception.Message}); check the connection string and that the server is up, then retry")
            {
                Resource = resource,
            },
            exception);
}
