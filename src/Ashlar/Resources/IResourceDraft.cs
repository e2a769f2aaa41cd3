using Ashlar.Actions;
using Ashlar.Errors;

namespace Ashlar.Resources;

/// <summary>A resource's declarations, untyped, as the domain builder collects them.</summary>
internal interface IResourceDraft
{
    Type ClrType { get; }

    string Name { get; }

    IReadOnlyList<AttributeDefinition> Attributes { get; }

    IReadOnlyList<RelationshipDraft> Relationships { get; }

    IReadOnlyList<AggregateDraft> Aggregates { get; }

    IReadOnlyList<CalculationDefinition> Calculations { get; }

    IReadOnlyList<IdentityDefinition> Identities { get; }

    IReadOnlyDictionary<Type, object> Extensions { get; }

    IReadOnlyList<DeclarationProblem> Problems { get; }

    IReadOnlyList<MissingForeignKey> MissingForeignKeys { get; }

    IReadOnlyList<string> ResourceRenamedFrom { get; }

    MultitenancyDraft? Multitenancy { get; }

    /// <summary>The name of the optimistic-lock version attribute, or null.</summary>
    string? OptimisticLock { get; }

    IReadOnlyList<ActionDefinition> BuildActions();
}
