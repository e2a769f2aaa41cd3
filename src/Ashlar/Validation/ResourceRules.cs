using System.Text;
using Ashlar.Actions;
using Ashlar.Errors;
using Ashlar.Resources;

namespace Ashlar.Validation;

/// <summary>The data-layer-independent rules every resource declaration must satisfy.</summary>
internal static class ResourceRules
{
    /// <summary>PostgreSQL truncates identifiers longer than this many bytes; we refuse them instead.</summary>
    public const int MaxIdentifierBytes = 63;

    private static readonly int ActionKindCount = Enum.GetValues<ActionKind>().Length;

    public static IEnumerable<DeclarationProblem> Check(ResourceDefinition resource)
    {
        var name = resource.Name;
        if (resource.PrimaryKey.Count == 0)
        {
            yield return new(name, "primary key", "no attribute is part of the primary key",
                "declare one with r.UuidPrimaryKey(x => x.Id), r.IntegerPrimaryKey(x => x.Id) or a.PrimaryKey() on attributes");
        }

        foreach (var relationship in resource.Relationships)
        {
            if (resource.Attribute(relationship.Name) is not null)
            {
                yield return new(name, $"relationship {relationship.Name}", "an attribute has the same name",
                    "rename the relationship or the attribute");
            }
        }

        foreach (var attribute in resource.Attributes)
        {
            if (Encoding.UTF8.GetByteCount(attribute.Name) > MaxIdentifierBytes)
            {
                yield return new(name, $"attribute {attribute.Name}", $"the name is longer than {MaxIdentifierBytes} bytes",
                    "shorten the property name");
            }

            if (attribute.Default is LiteralDefault literal && !attribute.Type.ClrType.IsInstanceOfType(literal.Value) &&
                !(attribute.Type.Kind == Types.TypeKind.Array && literal.Value is System.Collections.IEnumerable))
            {
                yield return new(name, $"attribute {attribute.Name}", $"the default {literal.Value} is not a {attribute.Type}",
                    $"give a default of type {attribute.Type.ClrType.Name}");
            }

            var isText = attribute.Type.Kind is Types.TypeKind.String or Types.TypeKind.CiString;
            var isNumber = attribute.Type.IsNumber;
            if ((attribute.MaxLength is not null || attribute.MinLength is not null) && !isText)
            {
                yield return new(name, $"attribute {attribute.Name}", $"MaxLength/MinLength only apply to strings, but it is {attribute.Type}",
                    "remove them, or use Min/Max for numbers");
            }

            if ((attribute.Min is not null || attribute.Max is not null) && !isNumber)
            {
                yield return new(name, $"attribute {attribute.Name}", $"Min/Max only apply to numbers, but it is {attribute.Type}",
                    "remove them, or use a check constraint in the Postgres section");
            }

            if (attribute.PrimaryKey && attribute.AllowNil)
            {
                yield return new(name, $"attribute {attribute.Name}", "a primary-key attribute cannot allow nil",
                    "remove AllowNil() from it");
            }
        }

        foreach (var problem in CheckIdentities(resource))
        {
            yield return problem;
        }

        foreach (var problem in CheckActions(resource))
        {
            yield return problem;
        }

        foreach (var problem in ActionLogicRules.Check(resource))
        {
            yield return problem;
        }
    }

    private static IEnumerable<DeclarationProblem> CheckIdentities(ResourceDefinition resource)
    {
        foreach (var duplicate in Duplicates.Of(resource.Identities, i => i.Name))
        {
            yield return new(resource.Name, $"identity {duplicate}", "is declared more than once", "give each identity its own name");
        }

        foreach (var identity in resource.Identities)
        {
            foreach (var key in identity.Keys.Where(k => resource.Attribute(k) is null))
            {
                yield return new(resource.Name, $"identity {identity.Name}", $"names {key}, which is not an attribute",
                    $"use attributes of {resource.Name} ({string.Join(", ", resource.Attributes.Select(a => a.Name))})");
            }
        }
    }

    private static IEnumerable<DeclarationProblem> CheckActions(ResourceDefinition resource)
    {
        foreach (var duplicate in Duplicates.Of(resource.Actions, a => a.Name))
        {
            yield return new(resource.Name, $"action {duplicate}", "is declared more than once", "give each action its own name");
        }

        // Counted per kind, each kind reported at its second primary action (not Duplicates.Of over a nullable kind: a
        // value-type instantiation the runtime compiles at start-up).
        var primaries = new int[ActionKindCount];
        foreach (var action in resource.Actions)
        {
            if (action.Primary && ++primaries[(int)action.Kind] == 2)
            {
                var primaryKind = action.Kind;
                yield return new(resource.Name, $"{primaryKind.ToString().ToLowerInvariant()} actions",
                    $"{string.Join(" and ", resource.Actions.Where(a => a.Primary && a.Kind == primaryKind).Select(a => a.Name))} are all primary",
                    "mark only one as Primary()");
            }
        }

        foreach (var action in resource.Actions)
        {
            foreach (var key in action.Set.Keys.Where(k => resource.Attribute(k) is null))
            {
                yield return new(resource.Name, $"action {action.Name}", $"sets {key}, which is not an attribute", "set only declared attributes");
            }
        }

        foreach (var action in resource.Actions.Where(a => a.Kind is ActionKind.Create or ActionKind.Update))
        {
            foreach (var accepted in action.Accept)
            {
                var attribute = resource.Attribute(accepted);
                if (attribute is null)
                {
                    yield return new(resource.Name, $"action {action.Name}", $"accepts {accepted}, which is not an attribute",
                        "accept only declared attributes");
                }
                else if (!attribute.Writable)
                {
                    yield return new(resource.Name, $"action {action.Name}", $"accepts {accepted}, which is not writable",
                        $"remove {accepted} from the accept list, or make it Writable()");
                }
            }
        }
    }
}
