namespace Ashlar.Resources;

/// <summary>What a change, validation or hook knows of the call it runs in.</summary>
public sealed class ActionContext
{
    internal ActionContext(IActionRunner domain, IActionServices services, string? tenant)
    {
        Domain = domain;
        Services = services;
        Tenant = tenant;
    }

    /// <summary>Runs other actions; from a hook of a transactional action they join its transaction.</summary>
    public IActionRunner Domain { get; }

    /// <summary>The tenant the action runs in, or null.</summary>
    public string? Tenant { get; }

    internal IActionServices Services { get; }
}
