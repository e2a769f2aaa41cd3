using System.Diagnostics;

namespace Ashlar.Diagnostics;

/// <summary>The one <see cref="ActivitySource"/> Ashlar traces actions with. Listen to <see cref="Name"/>.</summary>
public static class AshlarActivitySource
{
    /// <summary>The source's name: <c>Ashlar</c>.</summary>
    public const string Name = "Ashlar";

    internal static ActivitySource Source { get; } = new(Name);

    internal static ActionScope StartAction(string resource, string action, string? tenant)
    {
        // Without a listener there is no activity: skip building its name.
        var activity = Source.HasListeners() ? Source.StartActivity($"{resource}.{action}") : null;
        if (activity is not null)
        {
            activity.SetTag("ashlar.resource", resource);
            activity.SetTag("ashlar.action", action);
            if (tenant is not null)
            {
                activity.SetTag("ashlar.tenant", tenant);
            }
        }

        return new ActionScope(activity, resource, action);
    }
}
