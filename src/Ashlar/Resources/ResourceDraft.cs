using Ashlar.Actions;
using Ashlar.Errors;

namespace Ashlar.Resources;

/// <summary>
/// What a resource's <c>Define</c> declared, as its <see cref="ResourceBuilder{T}"/> collects it: the lists the builder
/// fills, read once the domain is built.
/// </summary>
/// <remarks>
/// Not generic, so everything that reads drafts after <c>Define</c> (relationships, aggregates, rules, the data
/// layer's translation) calls one class: reading them through the generic builder was an interface call resolved anew
/// for every resource class at every place a draft is read.
/// </remarks>
internal sealed class ResourceDraft(Type clrType) : IResourceDraft
{
    public Type ClrType { get; } = clrType;

    public string Name { get; } = clrType.Name;

    public List<AttributeDefinition> Attributes { get; } = [];

    public List<RelationshipDraft> Relationships { get; } = [];

    public List<AggregateDraft> Aggregates { get; } = [];

    public List<CalculationDefinition> Calculations { get; } = [];

    public List<IdentityDefinition> Identities { get; } = [];

    public List<IActionDraft> Actions { get; } = [];

    public Dictionary<Type, object> Extensions { get; } = [];

    public List<DeclarationProblem> Problems { get; } = [];

    public List<MissingForeignKey> MissingForeignKeys { get; } = [];

    public List<string> ResourceRenamedFrom { get; } = [];

    public MultitenancyDraft? Multitenancy { get; set; }

    public string? OptimisticLock { get; set; }

    IReadOnlyList<AttributeDefinition> IResourceDraft.Attributes => Attributes;

    IReadOnlyList<RelationshipDraft> IResourceDraft.Relationships => Relationships;

    IReadOnlyList<AggregateDraft> IResourceDraft.Aggregates => Aggregates;

    IReadOnlyList<CalculationDefinition> IResourceDraft.Calculations => Calculations;

    IReadOnlyList<IdentityDefinition> IResourceDraft.Identities => Identities;

    IReadOnlyDictionary<Type, object> IResourceDraft.Extensions => Extensions;

    IReadOnlyList<DeclarationProblem> IResourceDraft.Problems => Problems;

    IReadOnlyList<MissingForeignKey> IResourceDraft.MissingForeignKeys => MissingForeignKeys;

    IReadOnlyList<string> IResourceDraft.ResourceRenamedFrom => ResourceRenamedFrom;

    public IReadOnlyList<ActionDefinition> BuildActions()
    {
        var actions = new List<ActionDefinition>(Actions.Count);
        foreach (var action in Actions)
        {
            actions.Add(action.Build(Attributes));
        }

        return actions;
    }
}
