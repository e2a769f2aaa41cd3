using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Ashlar.Actions;
using Ashlar.Errors;
using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>
/// A resource as validated when the domain is built: attributes, keys, relationships, identities, actions and
/// data-layer options. Immutable; shared by queries, changesets, data layers and the migration generator.
/// </summary>
public sealed class ResourceDefinition
{
    // Plain dictionaries: a frozen one costs more to make than its faster look-ups save on a map this small, and a
    // large app makes one per resource at start-up.
    private readonly Dictionary<string, AttributeDefinition> _attributesByName;
    private readonly Dictionary<string, RelationshipDefinition> _relationshipsByName;
    private FrozenDictionary<string, PropertyAccess>? _access;
    private readonly IReadOnlyDictionary<Type, object> _extensions;

    internal ResourceDefinition(
        Type clrType,
        IReadOnlyList<AttributeDefinition> attributes,
        IReadOnlyList<RelationshipDefinition> relationships,
        IReadOnlyList<IdentityDefinition> identities,
        IReadOnlyList<ActionDefinition> actions,
        IReadOnlyDictionary<Type, object> extensions,
        IReadOnlyList<string> renamedFrom,
        IReadOnlyList<AggregateDefinition>? aggregates = null,
        IReadOnlyList<CalculationDefinition>? calculations = null,
        MultitenancyDefinition? multitenancy = null,
        string? optimisticLock = null)
    {
        Multitenancy = multitenancy;
        Aggregates = aggregates ?? [];
        Calculations = calculations ?? [];
        ClrType = clrType;
        Name = clrType.Name;
        Attributes = attributes;
        PrimaryKey = KeyOf(attributes);
        Relationships = relationships;
        Identities = identities;
        Actions = actions;
        RenamedFrom = renamedFrom;
        _extensions = extensions;
        _attributesByName = ByName(attributes, a => a.Name);
        OptimisticLock = optimisticLock is null ? null : _attributesByName.GetValueOrDefault(optimisticLock);
        _relationshipsByName = ByName(relationships, r => r.Name);
    }

    private static List<AttributeDefinition> KeyOf(IReadOnlyList<AttributeDefinition> attributes)
    {
        var key = new List<AttributeDefinition>(1);
        foreach (var attribute in attributes)
        {
            if (attribute.PrimaryKey)
            {
                key.Add(attribute);
            }
        }

        return key;
    }

    // Names are unique here (attributes are upserted by name, a repeated relationship is refused when declared); were
    // one repeated, the first would stand.
    private static Dictionary<string, TItem> ByName<TItem>(IReadOnlyList<TItem> items, Func<TItem, string> name)
    {
        var byName = new Dictionary<string, TItem>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            byName.TryAdd(name(item), item);
        }

        return byName;
    }

    // The accessors of every field, made on the first read or write of a record: building a domain (and the CLI
    // commands that only read declarations) never needs them.
    private FrozenDictionary<string, PropertyAccess> Access => _access ??= Attributes.Select(a => (a.Name, a.Property))
        .Concat(Relationships.Select(r => (r.Name, r.Property)))
        .Concat(Aggregates.Select(a => (a.Name, a.Property)))
        .Concat(Calculations.Select(c => (c.Name, c.Property)))
        .ToFrozenDictionary(p => p.Name, p => new PropertyAccess(p.Property), StringComparer.Ordinal);

    /// <summary>The resource's name (its class name).</summary>
    public string Name { get; }

    /// <summary>The resource class.</summary>
    public Type ClrType { get; }

    /// <summary>Every attribute, in declaration order.</summary>
    public IReadOnlyList<AttributeDefinition> Attributes { get; }

    /// <summary>The primary-key attributes, in declaration order.</summary>
    public IReadOnlyList<AttributeDefinition> PrimaryKey { get; }

    /// <summary>Every relationship, in declaration order.</summary>
    public IReadOnlyList<RelationshipDefinition> Relationships { get; }

    /// <summary>Every aggregate, in declaration order.</summary>
    public IReadOnlyList<AggregateDefinition> Aggregates { get; }

    /// <summary>Every expression calculation, in declaration order.</summary>
    public IReadOnlyList<CalculationDefinition> Calculations { get; }

    /// <summary>Every identity, in declaration order.</summary>
    public IReadOnlyList<IdentityDefinition> Identities { get; }

    /// <summary>Every action, in declaration order.</summary>
    public IReadOnlyList<ActionDefinition> Actions { get; }

    /// <summary>How the resource keeps tenants' records apart, or null when it is not a tenant resource.</summary>
    public MultitenancyDefinition? Multitenancy { get; }

    /// <summary>
    /// The version attribute of optimistic locking (<c>r.OptimisticLock(x =&gt; x.Version)</c>), or null: every update
    /// increments it in the statement, and a write of a copy holding an older version is refused.
    /// </summary>
    public AttributeDefinition? OptimisticLock { get; }

    /// <summary>Earlier names of the resource's table, for migrations.</summary>
    public IReadOnlyList<string> RenamedFrom { get; }

    /// <summary>The attribute called <paramref name="name"/>, or null.</summary>
    public AttributeDefinition? Attribute(string name) => _attributesByName.GetValueOrDefault(name);

    /// <summary>The relationship called <paramref name="name"/>, or null.</summary>
    public RelationshipDefinition? Relationship(string name) => _relationshipsByName.GetValueOrDefault(name);

    /// <summary>The action to run: the one named, or the primary one of that kind.</summary>
    public ActionDefinition? Action(ActionKind kind, string? name = null)
    {
        // Runs before every read and write: loops, so finding the action allocates nothing.
        ActionDefinition? first = null;
        for (var i = 0; i < Actions.Count; i++)
        {
            var action = Actions[i];
            if (action.Kind != kind)
            {
                continue;
            }

            if (name is null ? action.Primary : action.Name == name)
            {
                return action;
            }

            first ??= name is null ? action : null;
        }

        return first;
    }

    /// <summary>The data layer's options for this resource, or null when none were declared.</summary>
    public TExtension? Extension<TExtension>()
        where TExtension : class =>
        _extensions.TryGetValue(typeof(TExtension), out var extension) ? (TExtension)extension : null;

    /// <inheritdoc />
    public override string ToString() => Name;

    internal object? GetValue(object record, string field) => Access[field].Get(record);

    /// <summary>
    /// The value a loaded aggregate or calculation called <paramref name="field"/> holds when the database gives nil:
    /// an empty collection for a list aggregate (no related rows make an empty list), otherwise nil.
    /// </summary>
    [Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
    public object? NilValue(string field)
    {
        foreach (var aggregate in Aggregates)
        {
            if (aggregate.Kind == AggregateKind.List && aggregate.Name == field)
            {
                var collection = aggregate.Property.PropertyType;
                return TypedCollections.Create(collection, TypedCollections.ElementType(collection)!, []);
            }
        }

        return null;
    }

    /// <exception cref="InvalidException">
    /// The value is nil and the property a non-nullable value type (an aggregate or calculation over no rows).
    /// </exception>
    /// <summary>Sets the property of <paramref name="field"/> on <paramref name="record"/>, as a data layer does when it reads a row.</summary>
    [Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
    public void SetValue(object record, string field, object? value)
    {
        var access = Access[field];
        if (value is null && access.RejectsNil)
        {
            throw new InvalidException([new InvalidAttribute(
                $"is nil for a record (e.g. a min, max or average over no related rows), which its non-nullable property cannot hold; declare the property nullable, or cast in the expression (c => (int?)c.Likes)")
            {
                Resource = Name,
                Field = field,
            }]);
        }

        (access.Set ?? throw new InvalidOperationException($"{Name}.{field} has no setter."))(record, value);
    }
}
