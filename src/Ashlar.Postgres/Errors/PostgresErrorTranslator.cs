using Ashlar.Errors;
using Npgsql;

namespace Ashlar.Postgres.Errors;

/// <summary>
/// The one place that turns a <see cref="PostgresException"/> into Ashlar errors. The original exception is kept
/// as the inner exception; values of the row are never copied into messages.
/// </summary>
internal sealed class PostgresErrorTranslator(ConstraintCatalog catalog)
{
    public AshlarException Translate(PostgresException exception, string resource, WriteKind kind, string? tenant = null)
    {
        var constraint = catalog.Find(exception.SchemaName, exception.TableName, exception.ConstraintName);
        AshlarError error = exception.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => new InvalidAttribute(constraint?.Message ?? "has already been taken")
            {
                Resource = constraint?.Resource ?? resource,
                Field = constraint?.Field,
            },
            // PostgreSQL 18 reports an ON DELETE/UPDATE RESTRICT refusal as restrict_violation; earlier versions as a foreign key violation.
            PostgresErrorCodes.RestrictViolation => LeftBehind(constraint, resource),
            PostgresErrorCodes.ForeignKeyViolation when kind is WriteKind.Destroy || (constraint is not null && constraint.Resource != resource) =>
                LeftBehind(constraint, resource),
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
            // A schema-per-tenant table is qualified by the tenant's schema: the tenant has no schema (yet).
            PostgresErrorCodes.InvalidSchemaName => new InvalidTenant(
                $"the tenant has no schema ({exception.MessageText}); create the tenant's schema and run its migrations first")
            {
                Resource = resource,
            },
            PostgresErrorCodes.NotNullViolation => new Required { Resource = resource, Field = exception.ColumnName },
            PostgresErrorCodes.NumericValueOutOfRange when kind == WriteKind.Read => new InvalidAttribute(
                $"a value computed by the read does not fit its type ({exception.MessageText}): an aggregate or calculation overflowed; " +
                "compute it in a wider type, e.g. Sum(c => (long)c.Likes) or Fn.Cast<decimal>(…)")
            {
                Resource = resource,
            },
            PostgresErrorCodes.InvalidTextRepresentation when AtomicCheckFailure(exception.MessageText) is { } failed => new InvalidAttribute(failed.Message)
            {
                Resource = resource,
                Field = failed.Field,
            },
            PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.NumericValueOutOfRange or
            PostgresErrorCodes.InvalidTextRepresentation or PostgresErrorCodes.InvalidDatetimeFormat or
            PostgresErrorCodes.DatetimeFieldOverflow => new InvalidAttribute($"is invalid: {exception.MessageText}")
            {
                Resource = resource,
                Field = exception.ColumnName,
            },
            PostgresErrorCodes.LockNotAvailable => new Unavailable("the row is locked by another transaction; try again")
            {
                Resource = resource,
                IsTransient = true,
            },
            PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected =>
                new Unavailable("the transaction conflicted with another one; try again") { Resource = resource, IsTransient = true },
            PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow => new Unavailable(
                $"the database server is shutting down, restarting or still starting up ({exception.SqlState}: {exception.MessageText}); " +
                "retry once it is back")
            {
                Resource = resource,
                IsTransient = true,
            },
            PostgresErrorCodes.TooManyConnections => new Unavailable(
                $"the database server has no free connection slot ({exception.SqlState}: {exception.MessageText}); retry later, " +
                "and lower the connection strings' Max Pool Size across the application's processes or raise the server's max_connections")
            {
                Resource = resource,
                IsTransient = true,
            },
            PostgresErrorCodes.QueryCanceled when exception.MessageText.Contains("timeout", StringComparison.Ordinal) => new Unavailable(
                $"the statement timed out: the server canceled it ({exception.MessageText}); raise the server's statement_timeout " +
                "(for the role or the database) or make the statement cheaper, then retry")
            {
                Resource = resource,
                IsTransient = true,
            },
            PostgresErrorCodes.QueryCanceled => new Unavailable(
                $"the statement was canceled by the server ({exception.MessageText}), e.g. by pg_cancel_backend; retry")
            {
                Resource = resource,
                IsTransient = true,
            },
            { } state when state.StartsWith("08", StringComparison.Ordinal) => new Unavailable(
                $"the connection to the database failed ({state}: {exception.MessageText}); retry once the server is reachable")
            {
                Resource = resource,
                IsTransient = true,
            },
            // A statement naming the tenant's schema: most likely the tenant's schema lacks the table (not migrated yet);
            // it is never read from another schema instead.
            PostgresErrorCodes.UndefinedTable when tenant is not null => new InvalidTenant(
                $"a table the statement reads or writes is missing ({exception.MessageText}): the tenant \"{tenant}\" is probably " +
                "not migrated yet; run its tenant migrations (dotnet run -- migrate --tenants --only " + tenant + "), or the global migrations if the table is not the tenant's")
            {
                Resource = resource,
            },
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

    /// <summary>
    /// A failure of the connection rather than of the statement: the server could not be reached, the connection broke,
    /// or the statement timed out. <paramref name="connected"/> tells whether a connection had been opened.
    /// </summary>
    public static AshlarException Translate(NpgsqlException exception, string resource, bool connected)
    {
        var message = (exception.InnerException, connected) switch
        {
            (TimeoutException, true) =>
                $"the statement timed out: it did not finish within the command timeout and was canceled ({exception.Message}); " +
                "raise CommandTimeout (the connection string's Command Timeout, 30 seconds by default) or make the statement cheaper, then retry",
            (TimeoutException, false) =>
                $"no connection to the database could be had in time ({exception.Message}); check that the server is up and reachable, " +
                "or raise the connection string's Timeout, then retry",
            (_, true) =>
                $"the connection to the database broke while the statement ran ({exception.Message}); a write may or may not have been " +
                "applied; retry once the server is back",
            _ => $"the database could not be reached ({exception.Message}); check the connection string and that the server is up, then retry",
        };
        return AshlarException.From(new Unavailable(message) { Resource = resource, IsTransient = exception.IsTransient }, exception);
    }

    private static InvalidAttribute LeftBehind(ConstraintInfo? constraint, string resource) =>
        new(constraint is null
            ? "would leave records behind"
            : $"would leave records behind: {constraint.Resource}.{constraint.Field} still refers to it")
        {
            Resource = resource,
            Field = constraint?.ReferencedField,
        };

    /// <summary>The field and message of a failed atomic check (see <c>AtomicSql</c>): the text of the cast it raised.</summary>
    private static (string Field, string Message)? AtomicCheckFailure(string text)
    {
        var start = text.IndexOf(Sql.Statements.AtomicSql.Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var parts = text[(start + Sql.Statements.AtomicSql.Marker.Length)..].Split('|');
        return parts.Length >= 3 ? (parts[0], parts[1]) : null;
    }
}
