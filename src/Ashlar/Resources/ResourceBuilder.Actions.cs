using Ashlar.Actions;

namespace Ashlar.Resources;

public sealed partial class ResourceBuilder<T>
{
    /// <summary>
    /// Declares the primary <c>read</c>, <c>create</c>, <c>update</c> and <c>destroy</c> actions; create and update
    /// accept every public, writable attribute.
    /// </summary>
    public ResourceBuilder<T> DefaultActions()
    {
        Draft.Actions.AddRange(DefaultActionDraft.All);
        return this;
    }

    /// <summary>Declares a create action.</summary>
    public ResourceBuilder<T> Create(string name, Action<ActionBuilder<T>>? configure = null) =>
        Action(name, ActionKind.Create, configure);

    /// <summary>Declares a read action.</summary>
    public ResourceBuilder<T> Read(string name, Action<ActionBuilder<T>>? configure = null) =>
        Action(name, ActionKind.Read, configure);

    /// <summary>Declares an update action.</summary>
    public ResourceBuilder<T> Update(string name, Action<ActionBuilder<T>>? configure = null) =>
        Action(name, ActionKind.Update, configure);

    /// <summary>Declares a destroy action.</summary>
    public ResourceBuilder<T> Destroy(string name, Action<ActionBuilder<T>>? configure = null) =>
        Action(name, ActionKind.Destroy, configure);

    private ResourceBuilder<T> Action(string name, ActionKind kind, Action<ActionBuilder<T>>? configure)
    {
        var builder = new ActionBuilder<T>(name, kind);
        configure?.Invoke(builder);
        Draft.Actions.Add(builder);
        return this;
    }
}
