using System.Diagnostics;

namespace Ashlar.Diagnostics;

/// <summary>
/// One running action: its activity (when someone listens) and its start time, recorded in
/// <see cref="AshlarMeter.OperationDuration"/> when it is disposed.
/// </summary>
internal readonly struct ActionScope : IDisposable
{
    private readonly string _resource;
    private readonly string _action;
    private readonly long _started;

    public ActionScope(Activity? activity, string resource, string action)
    {
        Activity = activity;
        _resource = resource;
        _action = action;
        _started = AshlarMeter.Operations.Enabled ? Stopwatch.GetTimestamp() : 0;
    }

    /// <summary>The action's activity, null without a listener.</summary>
    public Activity? Activity { get; }

    /// <summary>
    /// Marks the activity as failed by <paramref name="exception"/>, the way OpenTelemetry reads it: status
    /// <see cref="ActivityStatusCode.Error"/> with the message, an <c>exception</c> event (<c>exception.type</c>,
    /// <c>exception.message</c>, <c>exception.stacktrace</c>) and <c>error.type</c>. Meant for an exception filter
    /// around an action's body, so only what escapes the action marks it (an action that recovers inside, such as a
    /// replica fallback, is not marked) and the stack is not unwound first.
    /// </summary>
    /// <returns>False, so the filter never catches.</returns>
    public bool Fail(Exception exception)
    {
        if (Activity is { } activity)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.SetTag("error.type", exception.GetType().FullName);
            activity.AddException(exception);
        }

        return false;
    }

    public void Dispose()
    {
        if (_started != 0)
        {
            AshlarMeter.Operations.Record(
                Stopwatch.GetElapsedTime(_started).TotalSeconds,
                new KeyValuePair<string, object?>("ashlar.resource", _resource),
                new KeyValuePair<string, object?>("ashlar.action", _action));
        }

        Activity?.Dispose();
    }
}
