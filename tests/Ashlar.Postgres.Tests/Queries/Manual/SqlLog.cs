using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ashlar.Postgres.Tests.Queries.Manual;

/// <summary>Captures the SQL the data layer logs before running each statement (its trace-level "Executing SQL" event).</summary>
public sealed class SqlLog : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _statements = new();

    /// <summary>Runs <paramref name="work"/> and returns the statements it sent.</summary>
    public async Task<List<string>> During(Func<Task> work)
    {
        _statements.Clear();
        await work();
        return [.. _statements];
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == 2000 && state is IReadOnlyList<KeyValuePair<string, object?>> values &&
            values.FirstOrDefault(v => v.Key == "Sql").Value is string sql)
        {
            _statements.Enqueue(sql);
        }
    }

    public void Dispose()
    {
    }
}
