using Microsoft.Extensions.Logging;

namespace Ashlar.Cli;

/// <summary>The runner's log as plain lines on the command's output, for when the application gives no logger.</summary>
internal sealed class TextWriterLogger(TextWriter output) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // Failures reach the user through the exception the command reports; logging them too would say it twice.
        if (!IsEnabled(logLevel) || logLevel >= LogLevel.Error)
        {
            return;
        }

        output.WriteLine((logLevel == LogLevel.Warning ? "  warning: " : "  ") + formatter(state, exception));
    }
}
