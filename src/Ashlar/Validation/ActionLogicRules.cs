using Ashlar.Actions;
using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Validation;

/// <summary>The rules for what actions carry: arguments, changes, validations, soft destroys and read preparations.</summary>
internal static class ActionLogicRules
{
    private const string RelationshipPrefix = "relationship:";
    private const string ManageStep = "change manage";

    /// <summary>
    /// Rules that need the related resources: <c>Manage</c> matches related records by a single-attribute primary
    /// key, so a destination with a composite one is refused when the domain is built.
    /// </summary>
    public static IEnumerable<DeclarationProblem> CheckRelated(ResourceDefinition resource, Func<Type, ResourceDefinition?> find)
    {
        foreach (var action in resource.Actions)
        {
            foreach (var step in action.Steps.Where(s => s.Description == ManageStep))
            {
                foreach (var read in step.Reads.Where(r => r.StartsWith(RelationshipPrefix, StringComparison.Ordinal)))
                {
                    var relationship = resource.Relationship(read[RelationshipPrefix.Length..]);
                    if (relationship is not null && find(relationship.DestinationType) is { PrimaryKey.Count: > 1 } destination)
                    {
                        yield return new(resource.Name, $"action {action.Name}, {step.Description}",
                            $"manages {relationship.Name}, but {destination.Name} has a composite primary key ({Names(destination.PrimaryKey.Select(k => k.Name))}), which manage cannot match input maps by",
                            $"give {destination.Name} a single-attribute primary key (and an identity on the columns), or write its records with their own actions in an after-action hook");
                    }
                }
            }
        }
    }

    public static IEnumerable<DeclarationProblem> Check(ResourceDefinition resource)
    {
        foreach (var action in resource.Actions)
        {
            var option = $"action {action.Name}";
            foreach (var duplicate in Duplicates.Of(action.Arguments, a => a.Name))
            {
                yield return new(resource.Name, option, $"declares the argument {duplicate} more than once", "give each argument its own name");
            }

            foreach (var argument in action.Arguments)
            {
                if (action.Kind != ActionKind.Read && resource.Attribute(argument.Name) is not null)
                {
                    yield return new(resource.Name, option, $"the argument {argument.Name} has the name of an attribute",
                        $"rename the argument, or accept the attribute instead (a.Accept(x => x.{resource.Attribute(argument.Name)!.Property.Name}))");
                }

                if ((argument.MaxLength is not null || argument.MinLength is not null) && argument.Type?.Kind is not (TypeKind.String or TypeKind.CiString))
                {
                    yield return new(resource.Name, $"{option}, argument {argument.Name}", $"MaxLength/MinLength only apply to strings, but it is {argument}",
                        "remove them, or use Min/Max for numbers");
                }

                if ((argument.Min is not null || argument.Max is not null) && argument.Type?.IsNumber != true)
                {
                    yield return new(resource.Name, $"{option}, argument {argument.Name}", $"Min/Max only apply to numbers, but it is {argument}",
                        "remove them, or use MaxLength for strings");
                }
            }

            foreach (var step in action.Steps)
            {
                foreach (var problem in CheckStep(resource, action, step))
                {
                    yield return problem;
                }
            }

            foreach (var problem in CheckKind(resource, action))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<DeclarationProblem> CheckStep(ResourceDefinition resource, ActionDefinition action, IActionStep step)
    {
        var option = $"action {action.Name}, {step.Description}";
        foreach (var read in step.Reads)
        {
            if (read.StartsWith(RelationshipPrefix, StringComparison.Ordinal))
            {
                var name = read[RelationshipPrefix.Length..];
                var relationship = resource.Relationship(name);
                if (relationship is null)
                {
                    yield return new(resource.Name, option, $"names {name}, which is not a relationship",
                        $"use a relationship of {resource.Name} ({Names(resource.Relationships.Select(r => r.Name))})");
                }
                else if (!relationship.HasSqlJoin)
                {
                    yield return new(resource.Name, option, $"names {name}, whose records are loaded by code", "use a relationship with a join");
                }

                continue;
            }

            if (resource.Attribute(read) is null && !action.Arguments.Any(a => a.Name == read))
            {
                yield return new(resource.Name, option, $"reads {read}, which is neither an attribute nor an argument of the action",
                    $"declare it with a.Argument<...>(\"{read}\"), or name one of {Names(action.Arguments.Select(a => a.Name).Concat(resource.Attributes.Select(a => a.Name)))}");
            }
        }

        foreach (var set in step.Sets.Where(s => resource.Attribute(s) is null))
        {
            yield return new(resource.Name, option, $"sets {set}, which is not an attribute",
                $"declare it with r.Attribute(...), or set one of {Names(resource.Attributes.Select(a => a.Name))}");
        }
    }

    private static IEnumerable<DeclarationProblem> CheckKind(ResourceDefinition resource, ActionDefinition action)
    {
        var option = $"action {action.Name}";
        if (action.SoftDestroyAttribute is { } archive)
        {
            var attribute = resource.Attribute(archive);
            if (action.Kind != ActionKind.Destroy)
            {
                yield return new(resource.Name, option, "is declared Soft(...), which only a destroy action can be", "remove Soft(...), or declare the action with r.Destroy(...)");
            }
            else if (attribute is null || attribute.Type.Kind is not (TypeKind.UtcDateTime or TypeKind.NaiveDateTime))
            {
                yield return new(resource.Name, option, $"is soft, but {archive} is not a timestamp attribute",
                    "declare a nullable DateTimeOffset attribute (e.g. ArchivedAt) and name it in Soft(...)");
            }
        }

        if (action.Kind == ActionKind.Read && action.Steps.Count > 0)
        {
            yield return new(resource.Name, option, "is a read action with changes, validations or hooks", "move them to a create, update or destroy action");
        }

        if (action.Kind != ActionKind.Read && (action.Preparations is not null || action.Get || action.DefaultPageSize is not null))
        {
            yield return new(resource.Name, option, "declares a filter, sort, limit, load, pagination or Get(), which only read actions take",
                "move them to a read action (r.Read(...))");
        }

        foreach (var load in action.Preparations?.Loads ?? [])
        {
            if (!resource.Relationships.Any(r => r.Property.Name == load))
            {
                yield return new(resource.Name, option, $"loads {load}, which is not a relationship", $"load one of {Names(resource.Relationships.Select(r => r.Name))}");
            }
        }

        if (action.MaxPageSize < action.DefaultPageSize)
        {
            yield return new(resource.Name, option, $"its default page size {action.DefaultPageSize} is larger than its maximum {action.MaxPageSize}", "make the default at most the maximum");
        }
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none declared" : string.Join(", ", list);
    }
}
