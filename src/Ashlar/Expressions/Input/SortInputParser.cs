using Ashlar.Errors;
using Ashlar.Resources;

namespace Ashlar.Expressions.Input;

/// <summary>
/// Parses an untrusted sort string such as <c>"-score,title,++published_at"</c>: <c>-</c> descending, <c>+</c>
/// ascending, <c>++</c> ascending with nils first, <c>--</c> descending with nils last. Fields are public
/// attributes, aggregates and calculations, optionally reached through public to-one relationships (<c>author.name</c>).
/// </summary>
internal static class SortInputParser
{
    public static IReadOnlyList<SortKey> Parse(IResourceLookup model, ResourceDefinition resource, string input, InputLimits limits)
    {
        FilterInputBounds.CheckSortLength(input, limits, resource.Name);
        var keys = new List<SortKey>();
        var errors = new List<AshlarError>();
        var parts = input.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        FilterInputBounds.CheckSortKeys(parts, limits, resource.Name);

        foreach (var part in parts)
        {
            var (name, descending, nullsFirst) = part switch
            {
                ['+', '+', .. var rest] => (rest, false, (bool?)true),
                ['-', '-', .. var rest] => (rest, true, (bool?)false),
                ['+', .. var rest] => (rest, false, null),
                ['-', .. var rest] => (rest, true, null),
                _ => (part, false, (bool?)null),
            };
            var reference = Resolve(model, resource, name);
            if (reference is null)
            {
                var shown = name.Length > 64 ? name[..64] + "…" : name;
                errors.Add(new InvalidFilterReference($"cannot sort by '{shown}': there is no such field on {resource.Name}") { Resource = resource.Name });
                continue;
            }

            keys.Add(new SortKey(reference, descending) { NullsFirst = nullsFirst });
        }

        return errors.Count > 0 ? throw new InvalidException(errors) : keys;
    }

    private static Expr? Resolve(IResourceLookup model, ResourceDefinition resource, string name)
    {
        var segments = name.Split('.');
        var path = new List<RelationshipDefinition>();
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (resource.Relationship(segments[i]) is not { Public: true, IsToOne: true } relationship)
            {
                return null;
            }

            ManualJoins.RequireSqlJoin(resource, relationship, resource);
            path.Add(relationship);
            resource = model.Resource(relationship.DestinationType);
        }

        var last = segments[^1];
        if (resource.Attribute(last) is { Public: true } attribute)
        {
            return new RefExpr(path, attribute);
        }

        if (resource.Aggregates.FirstOrDefault(a => a.Name == last && a.Public) is { } aggregate)
        {
            return new AggregateExpr(path, aggregate);
        }

        return resource.Calculations.FirstOrDefault(c => c.Name == last && c.Public) is { } calculation
            ? ExprRewriter.Rebase(Linq.LambdaTranslator.Translate(model, resource, calculation, null), path, 0)
            : null;
    }
}
