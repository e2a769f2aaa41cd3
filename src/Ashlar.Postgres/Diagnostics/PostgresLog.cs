using Microsoft.Extensions.Logging;

namespace Ashlar.Postgres.Diagnostics;

/// <summary>Every log message the Postgres data layer writes, source-generated, with stable event ids.</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Executing SQL: {Sql}")]
    public static partial void Executing(ILogger logger, string sql);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Database refused {Resource} write: {SqlState} {Constraint}")]
    public static partial void Refused(ILogger logger, string resource, string sqlState, string? constraint);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Created schema for repo {Repo}: {Count} statements")]
    public static partial void SchemaCreated(ILogger logger, string repo, int count);
}
