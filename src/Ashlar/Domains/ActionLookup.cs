using Ashlar.Actions;
using Ashlar.Errors;
using Ashlar.Resources;

namespace Ashlar.Domains;

/// <summary>Finds the action an entry point runs, or says which ones the resource has.</summary>
internal static class ActionLookup
{
    /// <exception cref="InvalidException">The resource has no such action (<see cref="NoSuchAction"/>).</exception>
    public static ActionDefinition Require(ResourceDefinition resource, ActionKind kind, string? name) =>
        resource.Action(kind, name) ?? throw new InvalidException([Missing(resource, kind, name)]);

    public static NoSuchAction Missing(ResourceDefinition resource, ActionKind kind, string? name)
    {
        var kindName = kind.ToString().ToLowerInvariant();
        var available = resource.Actions.Where(a => a.Kind == kind)
            .OrderByDescending(a => a.Primary)
            .Select(a => a.Name)
            .ToList();
        var listed = available.Count == 0
            ? $"declare one (r.DefaultActions() or r.{kind}(\"name\", ...))"
            : $"its {kindName} actions are {string.Join(", ", available.Select(n => $"'{n}'"))}";
        var message = name is null ? $"has no {kindName} action: {listed}" : $"has no {kindName} action named '{name}'; {listed}";
        return new NoSuchAction(message) { Resource = resource.Name, Action = name, Available = available };
    }
}
