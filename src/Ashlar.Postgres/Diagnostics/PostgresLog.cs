using Microsoft.Extensions.Logging;

namespace Ashlar.Postgres.Diagnostics;

/// <summary>Every log message the Postgres data layer writes, source-generated, with stable event ids (<see cref="PostgresEventId"/>).</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = PostgresEventId.CommandExecuting, Level = LogLevel.Trace, Message = "Executing SQL: {Sql}")]
    public static partial void Executing(ILogger logger, string sql);

    [LoggerMessage(EventId = PostgresEventId.CommandRefused, Level = LogLevel.Information, Message = "Database refused {Resource} write: {SqlState} {Constraint}")]
    public static partial void Refused(ILogger logger, string resource, string sqlState, string? constraint);

    [LoggerMessage(EventId = PostgresEventId.SchemaCreated, Level = LogLevel.Information, Message = "Created schema for repo {Repo}: {Count} statements")]
    public static partial void SchemaCreated(ILogger logger, string repo, int count);

    [LoggerMessage(EventId = PostgresEventId.CommandExecuted, Level = LogLevel.Debug,
        Message = "Executed {Resource} {Operation} in {ElapsedMs} ms [Parameters=[{Parameters}]]: {Sql}")]
    public static partial void Executed(ILogger logger, string resource, string operation, double elapsedMs, string parameters, string sql);

    [LoggerMessage(EventId = PostgresEventId.CopyExecuted, Level = LogLevel.Debug, Message = "Copied {Rows} {Resource} rows in {ElapsedMs} ms: {Sql}")]
    public static partial void Copied(ILogger logger, long rows, string resource, double elapsedMs, string sql);

    [LoggerMessage(EventId = PostgresEventId.CopyFailed, Level = LogLevel.Debug, Message = "Failed {Resource} copy after {ElapsedMs} ms: {Sql}")]
    public static partial void CopyFailed(ILogger logger, string resource, double elapsedMs, string sql, Exception exception);

    [LoggerMessage(EventId = PostgresEventId.CommandFailed, Level = LogLevel.Debug,
        Message = "Failed {Resource} {Operation} after {ElapsedMs} ms [Parameters=[{Parameters}]]: {Sql}")]
    public static partial void Failed(ILogger logger, string resource, string operation, double elapsedMs, string parameters, string sql, Exception exception);
}
