using System.Collections.Frozen;
using Ashlar.Errors;
using Ashlar.Multitenancy;
using Ashlar.Resources;
using Ashlar.Validation;

namespace Ashlar.Domains;

/// <summary>
/// The validated, immutable model of a domain's resources. Building it checks every declaration and throws a
/// <see cref="DeclarationException"/> listing every problem; nothing invalid gets further.
/// </summary>
public sealed class DomainModel : IResourceLookup
{
    private readonly FrozenDictionary<Type, ResourceDefinition> _byType;

    private DomainModel(string name, IReadOnlyList<ResourceDefinition> resources, TimeProvider timeProvider, Expressions.Input.InputLimits inputLimits)
    {
        Name = name;
        Resources = resources;
        TimeProvider = timeProvider;
        InputLimits = inputLimits;
        _byType = resources.ToFrozenDictionary(r => r.ClrType);
    }

    /// <summary>The domain's name.</summary>
    public string Name { get; }

    /// <summary>Every resource, in the order added.</summary>
    public IReadOnlyList<ResourceDefinition> Resources { get; }

    /// <summary>The clock for timestamps and time defaults.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The bounds on untrusted filter and sort input (<see cref="DomainBuilder.UseInputLimits"/>).</summary>
    public Expressions.Input.InputLimits InputLimits { get; }

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
                draft.Calculations,
                MultitenancyRules.Resolve(draft, problems),
                draft.OptimisticLock));
        }

        var model = new DomainModel(name, resources, builder.TimeProvider, builder.InputLimits);
        DeclarationTranslator.Translate(model, builder.Resources, problems);
        problems.AddRange(resources.SelectMany(ResourceRules.Check));

        // One delegate for every resource: a method group written in the lambda would be a new delegate per resource.
        Func<Type, ResourceDefinition?> find = model.FindResource;
        problems.AddRange(resources.SelectMany(r => MultitenancyRules.Check(r, find)));
        problems.AddRange(resources.SelectMany(r => ActionLogicRules.CheckRelated(r, find)));
        foreach (var resource in resources)
        {
            foreach (var extension in drafts[resource.ClrType].Extensions.Values.OfType<IResourceExtension>())
            {
                problems.AddRange(extension.Validate(resource, model));
            }
        }

        return problems.Count > 0 ? throw new DeclarationException(DeclarationCauses.Explain(problems, builder.Resources)) : model;
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
}
