using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Multitenancy;

/// <summary>Resolves multitenancy declarations and refuses relationships that would mix tenants' records.</summary>
internal static class MultitenancyRules
{
    /// <summary>The definition for a draft, or null (non-tenant resource or a problem, which is recorded).</summary>
    public static MultitenancyDefinition? Resolve(IResourceDraft resource, List<DeclarationProblem> problems)
    {
        if (resource.Multitenancy is not { } draft)
        {
            return null;
        }

        if (draft.Strategies != 1 || draft.Strategy is not { } strategy)
        {
            problems.Add(new(resource.Name, "multitenancy", draft.Strategies == 0 ? "no strategy is chosen" : "both strategies are chosen",
                "choose one: r.Multitenancy(m => m.Context()) for a schema per tenant, or m.Attribute(x => x.TenantColumn)"));
            return null;
        }

        if (strategy == MultitenancyStrategy.Context)
        {
            return new MultitenancyDefinition { Strategy = strategy, Global = draft.Global };
        }

        var attribute = resource.Attributes.FirstOrDefault(a => a.Name == draft.AttributeName);
        if (attribute is null)
        {
            problems.Add(new(resource.Name, "multitenancy", $"the tenant attribute {draft.AttributeName} is not declared",
                $"declare it with r.Attribute(x => x.{ToPascal(draft.AttributeName!)})"));
            return null;
        }

        if (attribute.Type.Kind is not (TypeKind.String or TypeKind.CiString or TypeKind.Uuid or TypeKind.Integer or TypeKind.Long))
        {
            problems.Add(new(resource.Name, "multitenancy", $"the tenant attribute {attribute.Name} is {attribute.Type}, which cannot hold a tenant",
                "use a string, Guid, int or long attribute"));
            return null;
        }

        return new MultitenancyDefinition { Strategy = strategy, Attribute = attribute, Global = draft.Global };
    }

    /// <summary>
    /// A record that refers to another holds its key; that key only means something inside the other record's
    /// tenant. So the holder must be kept apart at least as strictly as the record it refers to: a shared table may
    /// not hold keys of tenant records, and a table with a tenant column may not hold keys into per-tenant schemas.
    /// </summary>
    public static IEnumerable<DeclarationProblem> Check(ResourceDefinition resource, Func<Type, ResourceDefinition?> find)
    {
        foreach (var relationship in resource.Relationships)
        {
            var destination = find(relationship.DestinationType);
            if (destination is null)
            {
                continue;
            }

            var pairs = relationship.Kind switch
            {
                RelationshipKind.BelongsTo => [(resource, destination)],
                RelationshipKind.ManyToMany when find(relationship.ThroughType!) is { } through => [(through, resource), (through, destination)],
                RelationshipKind.ManyToMany => [],
                _ => new[] { (destination, resource) },
            };
            foreach (var (holder, referenced) in pairs)
            {
                if (Rank(holder) < Rank(referenced))
                {
                    yield return new(resource.Name, $"{Naming.ToSnakeCase(relationship.Kind.ToString())} {relationship.Name}",
                        $"{holder.Name} ({Describe(holder)}) would hold keys of {referenced.Name} records ({Describe(referenced)}), joining two tenants' records",
                        $"make {holder.Name} a tenant resource like {referenced.Name} (r.Multitenancy(m => m.{referenced.Multitenancy!.Strategy}(...))), or relate {referenced.Name} to {holder.Name} the other way round");
                }
            }
        }
    }

    private static int Rank(ResourceDefinition resource) => resource.Multitenancy?.Strategy switch
    {
        null => 0,
        MultitenancyStrategy.Attribute => 1,
        _ => 2,
    };

    private static string Describe(ResourceDefinition resource) => resource.Multitenancy?.Strategy switch
    {
        null => "shared by every tenant",
        MultitenancyStrategy.Attribute => "one table with a tenant column",
        _ => "a schema per tenant",
    };

    private static string ToPascal(string snake) =>
        string.Concat(snake.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
