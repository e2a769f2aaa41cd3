using Microsoft.Extensions.Logging;

namespace Ashlar.Diagnostics;

/// <summary>Every log message the core writes, source-generated, with stable event ids.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = AshlarEventId.RunningAction, Level = LogLevel.Debug, Message = "Running {Resource}.{Action}")]
    public static partial void RunningAction(ILogger logger, string resource, string action);

    [LoggerMessage(EventId = AshlarEventId.ActionRefused, Level = LogLevel.Information, Message = "{Resource}.{Action} refused: {Errors}")]
    public static partial void ActionRefused(ILogger logger, string resource, string action, string errors);
}
