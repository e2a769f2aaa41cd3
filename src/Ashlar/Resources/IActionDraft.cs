using Ashlar.Actions;

namespace Ashlar.Resources;

/// <summary>An action as declared; made into its <see cref="ActionDefinition"/> when the domain is built.</summary>
/// <remarks>
/// Not generic, so a resource's list of actions is one type for every resource class: a list of a generic builder is
/// a list type, an array type and an enumerator type loaded per resource class at start-up.
/// </remarks>
internal interface IActionDraft
{
    /// <summary>The definition, given the resource's attributes (an action accepting all of them lists them).</summary>
    ActionDefinition Build(IReadOnlyList<AttributeDefinition> attributes);
}
