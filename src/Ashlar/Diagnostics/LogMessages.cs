using Microsoft.Extensions.Logging;

namespace Ashlar.Diagnostics;

/// <summary>Every log message the core writes, source-generated, with stable event ids.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Running {Resource}.{Action}")]
    public static partial void RunningAction(ILogger logger, string resource, string action);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{Resource}.{Action} refused: {Errors}")]
    public static partial void ActionRefused(ILogger logger, string resource, string action, string errors);
}
