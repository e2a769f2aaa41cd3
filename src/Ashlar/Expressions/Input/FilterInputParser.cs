using System.Text.Json;
using Ashlar.Errors;
using Ashlar.Resources;

namespace Ashlar.Expressions.Input;

/// <summary>
/// Parses an untrusted JSON filter (Ash <c>filter_input</c> style) into an <see cref="Expr"/>:
/// <c>{"score": {"gte": 4}, "author": {"name": {"eq": "ada"}}, "or": [{…}, {…}]}</c>. Names resolve only to public
/// attributes and relationships; operators come from a closed list; values are cast to the attribute's type and
/// become parameters. Every problem is collected and thrown as one <see cref="InvalidException"/>. Input over the
/// <see cref="InputLimits"/> is refused first (<see cref="FilterInputBounds"/>), and lists of conditions become
/// balanced trees (<see cref="ExprChain"/>), so no input makes a later recursive walk deep.
/// </summary>
internal sealed partial class FilterInputParser
{
    private static readonly ValueExpr MatchesNothing = new(false, Types.AttributeType.Of(Types.TypeKind.Boolean, typeof(bool)));

    private readonly IResourceLookup _model;
    private readonly ResourceDefinition _root;
    private readonly InputLimits _limits;
    private readonly List<AshlarError> _errors = [];

    private FilterInputParser(IResourceLookup model, ResourceDefinition root, InputLimits limits)
    {
        _model = model;
        _root = root;
        _limits = limits;
    }

    public static Expr? Parse(IResourceLookup model, ResourceDefinition resource, JsonElement input, InputLimits limits)
    {
        FilterInputBounds.Check(input, limits, resource.Name);
        var parser = new FilterInputParser(model, resource, limits);
        var result = parser.Conditions(resource, [], input, 0, "");
        return parser._errors.Count > 0 ? throw new InvalidException(parser._errors) : result;
    }

    /// <summary>An object of conditions (ANDed), or an array of such objects (ANDed).</summary>
    private Expr? Conditions(ResourceDefinition resource, IReadOnlyList<RelationshipDefinition> path, JsonElement input, int depth, string at)
    {
        if (depth > _limits.MaxDepth)
        {
            Fail(at, $"is nested more than {_limits.MaxDepth} levels deep");
            return null;
        }

        if (input.ValueKind == JsonValueKind.Array)
        {
            return And(input.EnumerateArray().Select(e => Conditions(resource, path, e, depth + 1, at)).ToList());
        }

        if (input.ValueKind != JsonValueKind.Object)
        {
            Fail(at, "must be an object of conditions");
            return null;
        }

        var parts = new List<Expr?>();
        foreach (var property in input.EnumerateObject())
        {
            if (Name(property, at, null) is not { } name)
            {
                continue;
            }

            var here = at.Length == 0 ? name : at + "." + name;
            switch (name)
            {
                case "and":
                    parts.Add(Conditions(resource, path, property.Value, depth + 1, here));
                    break;
                case "or":
                    parts.Add(Or(resource, path, property.Value, depth + 1, here));
                    break;
                case "not":
                    parts.Add(Not(resource, path, property.Value, depth + 1, here));
                    break;
                default:
                    parts.Add(Field(resource, path, name, property.Value, depth + 1, here));
                    break;
            }
        }

        return And(parts);
    }

    private Expr? Or(ResourceDefinition resource, IReadOnlyList<RelationshipDefinition> path, JsonElement input, int depth, string at)
    {
        if (input.ValueKind != JsonValueKind.Array)
        {
            Fail(at, "must be an array of conditions");
            return null;
        }

        // No alternative matches no row; an empty alternative ({}) matches every row, so the whole "or" does.
        var parts = new List<Expr?>();
        foreach (var element in input.EnumerateArray())
        {
            parts.Add(Conditions(resource, path, element, depth + 1, at));
        }

        return parts.Count == 0 ? MatchesNothing
            : parts.Contains(null) ? null
            : ExprChain.Join(BinaryOperator.Or, parts.OfType<Expr>().ToList());
    }

    /// <summary>NOT of no condition would silently match every row or none; it is refused instead.</summary>
    private Expr? Not(ResourceDefinition resource, IReadOnlyList<RelationshipDefinition> path, JsonElement input, int depth, string at)
    {
        var errors = _errors.Count;
        var inner = Conditions(resource, path, input, depth, at);
        if (inner is null && _errors.Count == errors)
        {
            Fail(at, "not needs at least one condition: {\"not\": {}} and {\"not\": []} are refused");
        }

        return inner is null ? null : new NotExpr(inner);
    }

    private Expr? Field(ResourceDefinition resource, IReadOnlyList<RelationshipDefinition> path, string name, JsonElement value, int depth, string at)
    {
        var field = Operand(resource, path, name);
        if (field is { } operand)
        {
            return value.ValueKind == JsonValueKind.Object
                ? Operators(operand, value, at)
                : Operator(operand, "eq", value, at);
        }

        if (resource.Relationship(name) is { Public: true } relationship)
        {
            ManualJoins.RequireSqlJoin(resource, relationship, _root);
            var destination = _model.Resource(relationship.DestinationType);
            return relationship.IsToOne
                ? Conditions(destination, [.. path, relationship], value, depth, at)
                : Exists(path, relationship, Conditions(destination, [], value, depth, at));
        }

        // Private and missing fields get the same answer, so input cannot probe for hidden names.
        Fail(at, $"there is no field '{Shorten(name)}' on {resource.Name}", reference: true);
        return null;
    }

    /// <summary>A public attribute, aggregate or calculation (with its default arguments) of the resource.</summary>
    private (Expr Expr, Types.AttributeType Type, string Name)? Operand(ResourceDefinition resource, IReadOnlyList<RelationshipDefinition> path, string name)
    {
        if (resource.Attribute(name) is { Public: true } attribute)
        {
            return (new RefExpr(path, attribute), attribute.Type, attribute.Name);
        }

        if (resource.Aggregates.FirstOrDefault(a => a.Name == name && a.Public) is { } aggregate)
        {
            return (new AggregateExpr(path, aggregate), aggregate.Type, aggregate.Name);
        }

        if (resource.Calculations.FirstOrDefault(c => c.Name == name && c.Public) is { } calculation)
        {
            var body = Linq.LambdaTranslator.Translate(_model, resource, calculation, null);
            return (ExprRewriter.Rebase(body, path, 0), calculation.Type, calculation.Name);
        }

        return null;
    }

    private static Expr Exists(IReadOnlyList<RelationshipDefinition> path, RelationshipDefinition relationship, Expr? condition)
    {
        if (path.Count == 0)
        {
            return new ExistsExpr([relationship], condition);
        }

        // A to-many reached through to-one hops: the exists runs on the root row via those joins' keys.
        return new ExistsExpr([.. path, relationship], condition);
    }

    /// <summary>The parts ANDed; empty conditions and failed parts (null) add nothing.</summary>
    private static Expr? And(IReadOnlyList<Expr?> parts) =>
        ExprChain.Join(BinaryOperator.And, parts.OfType<Expr>().ToList());

    private void Fail(string at, string message, bool reference = false, string? field = null)
    {
        var text = at.Length == 0 ? message : $"{message} (at {Shorten(at)})";
        _errors.Add(reference
            ? new InvalidFilterReference(text) { Resource = _root.Name, Field = field }
            : new InvalidFilterValue(text) { Resource = _root.Name, Field = field });
    }

    private static string Shorten(string text) => text.Length > 64 ? text[..64] + "…" : text;
}
