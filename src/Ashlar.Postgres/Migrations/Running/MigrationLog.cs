using Ashlar.Postgres.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Ashlar.Postgres.Migrations.Running;

/// <summary>Every log message the migration runner writes, source-generated, with stable event ids (2100–2199).</summary>
internal static partial class MigrationLog
{
    [LoggerMessage(EventId = PostgresEventId.MigrationLockWaiting, Level = LogLevel.Information, Message = "Waiting for the migration lock held by pid {Pid} ({Application})")]
    public static partial void WaitingForLock(ILogger logger, int? pid, string? application);

    [LoggerMessage(EventId = PostgresEventId.MigrationLockTaken, Level = LogLevel.Debug, Message = "Took the migration lock {Key} after {WaitedMs} ms")]
    public static partial void LockTaken(ILogger logger, long key, long waitedMs);

    [LoggerMessage(EventId = PostgresEventId.MigrationApplying, Level = LogLevel.Debug, Message = "Applying {Migration}")]
    public static partial void Applying(ILogger logger, string migration);

    [LoggerMessage(EventId = PostgresEventId.MigrationApplied, Level = LogLevel.Information, Message = "Applied {Migration} in {ElapsedMs} ms")]
    public static partial void Applied(ILogger logger, string migration, long elapsedMs);

    [LoggerMessage(EventId = PostgresEventId.MigrationRolledBack, Level = LogLevel.Information, Message = "Rolled back {Migration} in {ElapsedMs} ms")]
    public static partial void RolledBack(ILogger logger, string migration, long elapsedMs);

    [LoggerMessage(EventId = PostgresEventId.MigrationChanged, Level = LogLevel.Warning, Message = "Migration {Migration} changed after it was applied (checksum {Recorded} recorded, file has {Current})")]
    public static partial void ChecksumChanged(ILogger logger, string migration, string recorded, string current);

    [LoggerMessage(EventId = PostgresEventId.MigrationOutsideTransaction, Level = LogLevel.Warning, Message = "Migration {Migration} runs outside a transaction: a failure leaves its earlier statements applied")]
    public static partial void NonTransactional(ILogger logger, string migration);

    [LoggerMessage(EventId = PostgresEventId.MigrationFailed, Level = LogLevel.Error, Message = "Migration {Migration} failed at {Part} statement {Index}")]
    public static partial void Failed(ILogger logger, Exception exception, string migration, string part, int index);

    [LoggerMessage(EventId = PostgresEventId.MigrationLockNotReleased, Level = LogLevel.Warning, Message = "Could not release the migration lock {Key}; it goes with the session")]
    public static partial void UnlockFailed(ILogger logger, Exception exception, long key);

    [LoggerMessage(EventId = PostgresEventId.MigrationOutOfOrder, Level = LogLevel.Warning, Message = "Applying {Migration}, older than the newest applied version {Newest}")]
    public static partial void OutOfOrder(ILogger logger, string migration, string newest);

    [LoggerMessage(EventId = PostgresEventId.InvalidIndexDropped, Level = LogLevel.Warning, Message = "Dropping the invalid index {Index} left by an earlier failed CREATE INDEX CONCURRENTLY, to build it again")]
    public static partial void DroppingInvalidIndex(ILogger logger, string index);
}
