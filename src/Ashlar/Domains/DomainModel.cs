using System.Collections.Concurrent;
using System.Collections.Frozen;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;
using Ashlar.Resources;
using Ashlar.Validation;

namespace Ashlar.Domains;

/// <summary>
/// The validated, immutable model of a domain's resources. Building it checks every declaration and throws a
/// <see cref="DeclarationException"/> listing every problem; nothing invalid gets further.
/// </summary>
public sealed class DomainModel
{
    private readonly FrozenDictionary<Type, ResourceDefinition> _byType;
    private readonly ConcurrentDictionary<RelationshipDefinition, Expr?> _relationshipFilters = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<AggregateDefinition, Expr?> _aggregateFilters = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<RelationshipDefinition, IReadOnlyList<SortKey>> _relationshipSorts = new(ReferenceEqualityComparer.Instance);

    private DomainModel(string name, IReadOnlyList<ResourceDefinition> resources, TimeProvider timeProvider)
    {
        Name = name;
        Resources = resources;
        TimeProvider = timeProvider;
        _byType = resources.ToFrozenDictionary(r => r.ClrType);
    }

    /// <summary>The domain's name.</summary>
    public string Name { get; }

    /// <summary>Every resource, in the order added.</summary>
    public IReadOnlyList<ResourceDefinition> Resources { get; }

    /// <summary>The clock for timestamps and time defaults.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Builds and validates a domain.</summary>
    /// <param name="name">The domain's name, used in logs and errors.</param>
    /// <param name="define">Adds the resources: <c>d =&gt; d.Resource&lt;Post&gt;().Resource&lt;Author&gt;()</c>.</param>
    /// <exception cref="DeclarationException">A declaration is invalid; the message lists every problem.</exception>
    public static DomainModel Build(string name, Action<DomainBuilder> define)
    {
        var builder = new DomainBuilder(name);
        define(builder);

        var problems = builder.Resources.SelectMany(r => r.Problems).ToList();
        var drafts = builder.Resources.ToDictionary(r => r.ClrType);
        var resolver = new RelationshipResolver(drafts, problems);
        var resources = new List<ResourceDefinition>();
        foreach (var draft in builder.Resources)
        {
            var relationships = resolver.Resolve(draft);
            resources.Add(new ResourceDefinition(
                draft.ClrType,
                draft.Attributes,
                relationships,
                draft.Identities,
                draft.BuildActions(),
                draft.Extensions,
                draft.ResourceRenamedFrom,
                AggregateResolver.Resolve(draft, relationships, problems),
                draft.Calculations));
        }

        var model = new DomainModel(name, resources, builder.TimeProvider);
        problems.AddRange(resources.SelectMany(ResourceRules.Check));
        foreach (var resource in resources)
        {
            foreach (var extension in drafts[resource.ClrType].Extensions.Values.OfType<IResourceExtension>())
            {
                problems.AddRange(extension.Validate(resource, model));
            }
        }

        return problems.Count > 0 ? throw new DeclarationException(problems) : model;
    }

    /// <summary>The resource declared by <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a resource of this domain.</exception>
    public ResourceDefinition Resource<T>() => Resource(typeof(T));

    /// <summary>The resource declared by <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a resource of this domain.</exception>
    public ResourceDefinition Resource(Type type) =>
        _byType.TryGetValue(type, out var resource)
            ? resource
            : throw new ArgumentException(
                $"{type.Name} is not a resource of the domain {Name}; add .Resource<{type.Name}>() when building it.", nameof(type));

    /// <summary>The resource declared by <paramref name="type"/>, or null.</summary>
    public ResourceDefinition? FindResource(Type type) => _byType.GetValueOrDefault(type);

    /// <summary>A relationship's declared filter as an expression over its destination, or null.</summary>
    internal Expr? RelationshipFilter(RelationshipDefinition relationship) =>
        relationship.Filter is null
            ? null
            : _relationshipFilters.GetOrAdd(relationship, r =>
                LambdaTranslator.TranslateRelationshipFilter(this, Resource(r.Property.ReflectedType!), Resource(r.DestinationType), r.Filter!));

    /// <summary>
    /// A relationship's declared sort over its destination. With a declared limit, the destination's primary key
    /// completes it, so the rows kept at the limit are the same for loads, EXISTS and aggregates even across ties.
    /// </summary>
    internal IReadOnlyList<SortKey> RelationshipSort(RelationshipDefinition relationship) =>
        relationship.Sort.Count == 0 && relationship.Limit is null
            ? []
            : _relationshipSorts.GetOrAdd(relationship, r =>
            {
                var destination = Resource(r.DestinationType);
                var sort = r.Sort.Select(s => new SortKey(LambdaTranslator.Translate(this, destination, s.Field), s.Descending)).ToList();
                if (r.Limit is not null)
                {
                    sort.AddRange(destination.PrimaryKey
                        .Where(key => !sort.Any(s => s.Expression is RefExpr { Path.Count: 0 } reference && reference.Attribute == key))
                        .Select(key => new SortKey(new RefExpr([], key), false)));
                }

                return sort;
            });

    /// <summary>An aggregate's declared filter as an expression over the related resource, or null.</summary>
    internal Expr? AggregateFilter(AggregateDefinition aggregate) =>
        aggregate.Filter is null
            ? null
            : _aggregateFilters.GetOrAdd(aggregate, a => LambdaTranslator.Translate(this, Resource(a.Relationship.DestinationType), a.Filter!));
}
