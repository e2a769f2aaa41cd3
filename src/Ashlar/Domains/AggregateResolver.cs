using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Domains;

/// <summary>Turns declared aggregates into definitions once the resource's relationships are resolved.</summary>
internal static class AggregateResolver
{
    public static List<AggregateDefinition> Resolve(IResourceDraft source, IReadOnlyList<RelationshipDefinition> relationships, List<DeclarationProblem> problems)
    {
        var resolved = new List<AggregateDefinition>();
        foreach (var draft in source.Aggregates)
        {
            var name = Naming.ToSnakeCase(draft.Property.Name);
            var option = $"{Naming.ToSnakeCase(draft.Kind.ToString())} {name}";
            var relationship = relationships.FirstOrDefault(r => r.Property.Name == draft.Relationship.Name);
            var type = AttributeType.Infer(draft.Property.PropertyType);
            if (relationship is null || type is null)
            {
                problems.Add(new DeclarationProblem(source.Name, option,
                    relationship is null ? $"{draft.Relationship.Name} is not a declared relationship" : $"{draft.Property.PropertyType.Name} is not a type an aggregate can have",
                    relationship is null ? $"declare r.HasMany(...) for {draft.Relationship.Name} first" : "use a number, bool, string or list property"));
                continue;
            }

            resolved.Add(new AggregateDefinition
            {
                Name = name,
                Kind = draft.Kind,
                Property = draft.Property,
                Type = type,
                Relationship = relationship,
                Field = draft.Field,
                Uniq = draft.Uniq,
                Default = draft.Default,
                Public = draft.Public,
            });
        }

        return resolved;
    }
}
