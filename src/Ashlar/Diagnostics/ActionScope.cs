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
