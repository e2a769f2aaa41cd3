using Ashlar.Postgres.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Ashlar.Postgres.Replicas;

/// <summary>Log messages about read routing, source-generated, event ids 2200 and up.</summary>
internal static partial class ReplicaLog
{
    [LoggerMessage(EventId = PostgresEventId.ReadServed, Level = LogLevel.Debug, Message = "Read of {Resource} served by repo {Repo} ({Reason})")]
    public static partial void ReadServed(ILogger logger, string resource, string repo, ReadRoute reason);

    [LoggerMessage(EventId = PostgresEventId.ReadRepoDown, Level = LogLevel.Warning, Message = "Read repo {Repo} cannot be reached; skipping it for {RetryAfter}: {Error}")]
    public static partial void ReplicaDown(ILogger logger, string repo, TimeSpan retryAfter, string error);
}
