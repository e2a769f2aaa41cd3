using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Domains;

/// <summary>Turns declared relationships into definitions once every resource of the domain is known.</summary>
internal sealed class RelationshipResolver(IReadOnlyDictionary<Type, IResourceDraft> drafts, List<DeclarationProblem> problems)
{
    public IReadOnlyList<RelationshipDefinition> Resolve(IResourceDraft source)
    {
        var resolved = new List<RelationshipDefinition>();
        foreach (var draft in source.Relationships)
        {
            var definition = Resolve(source, draft);
            if (definition is not null)
            {
                resolved.Add(definition);
            }
        }

        return resolved;
    }

    private RelationshipDefinition? Resolve(IResourceDraft source, RelationshipDraft draft)
    {
        var option = $"{Naming.ToSnakeCase(draft.Kind.ToString())} {draft.Name}";
        if (!drafts.TryGetValue(draft.DestinationType, out var destination))
        {
            Problem(source, option, $"the destination {draft.DestinationType.Name} is not a resource of this domain",
                $"add .Resource<{draft.DestinationType.Name}>() to the domain");
            return null;
        }

        CheckProperty(source, draft, option);
        if (draft.IsManual)
        {
            return Manual(source, destination, draft, option);
        }

        var definition = draft.Kind switch
        {
            RelationshipKind.BelongsTo => BelongsTo(source, destination, draft, option),
            RelationshipKind.ManyToMany => ManyToMany(source, destination, draft, option),
            _ => Has(source, destination, draft, option),
        };
        if (definition is not null && draft.Filter is { Parameters.Count: 2 } && !IsUnique(source, definition.SourceAttribute))
        {
            Problem(source, option, $"its filter reads the source record, but {source.Name}.{definition.SourceAttribute} is not unique, so records sharing it would share the filtered rows",
                "relate through the primary key or a single-attribute identity, or filter without reading the source record");
        }

        return definition;
    }

    /// <summary>A loaded relationship is assigned to its property: a record (to-one) or a list or array of them (to-many).</summary>
    private void CheckProperty(IResourceDraft source, RelationshipDraft draft, string option)
    {
        var property = draft.Property;
        var toMany = draft.Kind is RelationshipKind.HasMany or RelationshipKind.ManyToMany;
        var accepts = toMany
            ? property.PropertyType == draft.DestinationType.MakeArrayType() ||
              property.PropertyType.IsAssignableFrom(typeof(List<>).MakeGenericType(draft.DestinationType))
            : property.PropertyType.IsAssignableFrom(draft.DestinationType);
        if (property.SetMethod is null || !accepts)
        {
            var type = toMany ? $"List<{draft.DestinationType.Name}>" : draft.DestinationType.Name;
            Problem(source, option, $"the property {property.Name} ({property.PropertyType.Name}{(property.SetMethod is null ? ", no setter" : "")}) cannot take the loaded {type}",
                toMany
                    ? $"declare it as a settable List<{draft.DestinationType.Name}>?, IReadOnlyList<{draft.DestinationType.Name}>?, IEnumerable<{draft.DestinationType.Name}>? or {draft.DestinationType.Name}[]?"
                    : $"declare it as a settable {draft.DestinationType.Name}?");
        }
    }

    private static bool IsUnique(IResourceDraft resource, string attribute) =>
        SinglePrimaryKey(resource)?.Name == attribute ||
        resource.Identities.Any(i => i.Keys.Count == 1 && i.Keys[0] == attribute);

    private RelationshipDefinition? BelongsTo(IResourceDraft source, IResourceDraft destination, RelationshipDraft draft, string option)
    {
        var destinationAttribute = draft.DestinationAttribute ?? SinglePrimaryKey(destination)?.Name;
        if (destinationAttribute is null)
        {
            Problem(source, option, $"{destination.Name} has no single-attribute primary key to refer to",
                "name the destination attribute with DestinationAttribute(...)");
            return null;
        }

        var key = source.Attributes.First(a => a.Name == draft.SourceAttribute);
        var target = Find(destination, destinationAttribute, source, option);
        if (target is not null && key.Type.Kind != target.Type.Kind)
        {
            Problem(source, option, $"{key.Name} is {key.Type} but {destination.Name}.{target.Name} is {target.Type}",
                $"give {key.Property.Name} the type {target.Property.PropertyType.Name}");
        }

        return target is null ? null : Definition(draft, draft.SourceAttribute!, destinationAttribute);
    }

    private RelationshipDefinition? Has(IResourceDraft source, IResourceDraft destination, RelationshipDraft draft, string option)
    {
        var sourceAttribute = draft.SourceAttribute ?? SinglePrimaryKey(source)?.Name;
        var destinationAttribute = draft.DestinationAttribute ?? Naming.ToSnakeCase(source.Name) + "_id";
        if (sourceAttribute is null)
        {
            Problem(source, option, $"{source.Name} has no single-attribute primary key for {destination.Name} to refer to",
                "name the source attribute with SourceAttribute(...)");
            return null;
        }

        var key = Find(source, sourceAttribute, source, option);
        var target = Find(destination, destinationAttribute, source, option);
        if (key is null || target is null)
        {
            return null;
        }

        if (key.Type.Kind != target.Type.Kind)
        {
            Problem(source, option, $"{source.Name}.{key.Name} is {key.Type} but {destination.Name}.{target.Name} is {target.Type}",
                $"give {destination.Name}.{target.Property.Name} the type {key.Property.PropertyType.Name}");
        }

        return Definition(draft, sourceAttribute, destinationAttribute);
    }

    /// <summary>
    /// A manual relationship: its records are keyed by the source's primary key (loads group rows by it); no
    /// attribute of the destination refers to the source. A to-one SQL-joinable one keeps one row per source.
    /// </summary>
    private RelationshipDefinition? Manual(IResourceDraft source, IResourceDraft destination, RelationshipDraft draft, string option)
    {
        var sourceKey = SinglePrimaryKey(source)?.Name;
        if (sourceKey is null)
        {
            Problem(source, option, $"{source.Name} has no single-attribute primary key to key the related records by",
                "give the source resource a single-attribute primary key");
            return null;
        }

        if (draft.Loader is not null && (draft.Sort.Count > 0 || draft.Limit is not null))
        {
            Problem(source, option, "is loaded by code, so a declared sort or limit cannot apply to it",
                "sort and cut the records in the loader, or declare the relationship with a join condition");
        }

        if (draft.Kind == RelationshipKind.HasOne && draft.Limit is not null)
        {
            Problem(source, option, "is to-one, so a limit does not apply", "remove Limit(...)");
        }

        var definition = Definition(draft, sourceKey, SinglePrimaryKey(destination)?.Name ?? "");
        return definition with
        {
            IsManual = true,
            Loader = draft.Loader,
            Limit = draft.Kind == RelationshipKind.HasOne && draft.Loader is null ? 1 : draft.Limit,
        };
    }

    private RelationshipDefinition? ManyToMany(IResourceDraft source, IResourceDraft destination, RelationshipDraft draft, string option)
    {
        if (draft.ThroughType is null || !drafts.TryGetValue(draft.ThroughType, out var through))
        {
            Problem(source, option, "the join resource is missing or not part of the domain",
                "declare it with m.Through<TJoin>(j => j.SourceId, j => j.DestinationId) and add it to the domain");
            return null;
        }

        var sourceAttribute = SinglePrimaryKey(source)?.Name;
        var destinationAttribute = SinglePrimaryKey(destination)?.Name;
        if (sourceAttribute is null || destinationAttribute is null ||
            Find(through, draft.SourceAttributeOnJoin!, source, option) is null ||
            Find(through, draft.DestinationAttributeOnJoin!, source, option) is null)
        {
            return null;
        }

        return Definition(draft, sourceAttribute, destinationAttribute) with
        {
            ThroughType = draft.ThroughType,
            SourceAttributeOnJoin = draft.SourceAttributeOnJoin,
            DestinationAttributeOnJoin = draft.DestinationAttributeOnJoin,
        };
    }

    private static RelationshipDefinition Definition(RelationshipDraft draft, string sourceAttribute, string destinationAttribute) =>
        new()
        {
            Name = draft.Name,
            Kind = draft.Kind,
            Property = draft.Property,
            DestinationType = draft.DestinationType,
            SourceAttribute = sourceAttribute,
            DestinationAttribute = destinationAttribute,
            AllowNil = draft.AllowNil ?? true,
            Public = draft.Public,
            Limit = draft.Limit,
        };

    private AttributeDefinition? Find(IResourceDraft owner, string attribute, IResourceDraft source, string option)
    {
        var found = owner.Attributes.FirstOrDefault(a => a.Name == attribute);
        if (found is null)
        {
            Problem(source, option, $"{owner.Name} has no attribute {attribute}",
                $"declare {attribute} on {owner.Name}, or name the attribute to use in the relationship's options");
        }

        return found;
    }

    private static AttributeDefinition? SinglePrimaryKey(IResourceDraft resource)
    {
        var keys = resource.Attributes.Where(a => a.PrimaryKey).ToList();
        return keys.Count == 1 ? keys[0] : null;
    }

    private void Problem(IResourceDraft source, string option, string problem, string fix) =>
        problems.Add(new DeclarationProblem(source.Name, option, problem, fix));
}
