using Ashlar.Actions;

namespace Ashlar.Resources;

/// <summary>
/// One of the primary actions <see cref="ResourceBuilder{T}.DefaultActions"/> declares: no logic, and create and update
/// accept every public, writable attribute. Not an <see cref="ActionBuilder{T}"/>, whose generic type (and its lambda
/// class) would be loaded for every resource class that only declares these.
/// </summary>
internal sealed class DefaultActionDraft(string name, ActionKind kind) : IActionDraft
{
    /// <summary>The four default actions, in the order they are declared.</summary>
    public static IReadOnlyList<IActionDraft> All { get; } =
    [
        new DefaultActionDraft("read", ActionKind.Read),
        new DefaultActionDraft("create", ActionKind.Create),
        new DefaultActionDraft("update", ActionKind.Update),
        new DefaultActionDraft("destroy", ActionKind.Destroy),
    ];

    public ActionDefinition Build(IReadOnlyList<AttributeDefinition> attributes) => new()
    {
        Name = name,
        Kind = kind,
        Primary = true,
        Accept = kind is ActionKind.Create or ActionKind.Update ? AcceptedAttributes.AllPublicWritable(attributes) : [],
    };
}
