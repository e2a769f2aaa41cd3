using Ashlar.Actions;
using Ashlar.Changesets;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;
using Ashlar.Resources;

namespace Ashlar.Domains;

/// <summary>
/// A read action's preparations translated once, when the action is first run: its filters (those reading arguments
/// as a template whose slots each call fills), sorts and loads. Immutable.
/// </summary>
internal sealed class PreparedRead
{
    private readonly ResourceDefinition _resource;
    private readonly ActionDefinition _action;

    private PreparedRead(ResourceDefinition resource, ActionDefinition action, Expr? filter, IReadOnlyList<SortKey> sorts, IReadOnlyList<RelationshipDefinition> loads)
    {
        _resource = resource;
        _action = action;
        Filter = filter;
        Sorts = sorts;
        Loads = loads;
    }

    /// <summary>The action's filters joined with AND, argument slots unfilled; null when it has none.</summary>
    public Expr? Filter { get; }

    /// <summary>The action's sorts, used when the query has none.</summary>
    public IReadOnlyList<SortKey> Sorts { get; }

    /// <summary>The relationships the action loads.</summary>
    public IReadOnlyList<RelationshipDefinition> Loads { get; }

    /// <summary>The action's limit.</summary>
    public int? Limit => _action.Preparations?.Limit;

    /// <exception cref="InvalidException">A filter cannot be translated.</exception>
    public static PreparedRead Translate(IResourceLookup model, ResourceDefinition resource, ActionDefinition action)
    {
        var preparations = action.Preparations ?? new ReadPreparations();
        var names = action.Arguments.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        Expr? filter = null;
        foreach (var lambda in preparations.Filters)
        {
            var translated = lambda.Parameters.Count > 1
                ? LambdaTranslator.TranslateTemplate(model, resource, lambda, names)
                : LambdaTranslator.Translate(model, resource, lambda);
            filter = filter is null ? translated : new BinaryExpr(BinaryOperator.And, filter, translated);
        }

        var sorts = preparations.Sorts.Select(s => new SortKey(LambdaTranslator.Translate(model, resource, s.Field), s.Descending)).ToList();
        var loads = preparations.Loads.Select(name => resource.Relationships.First(r => r.Property.Name == name)).ToList();
        return new PreparedRead(resource, action, filter, sorts, loads);
    }

    /// <summary>
    /// The filter for one call: the action's arguments read from <paramref name="input"/> (typed errors as for a
    /// write's) and put in the template's slots.
    /// </summary>
    /// <exception cref="InvalidException">An argument is missing, unknown or invalid.</exception>
    public Expr? FilterFor(object? input)
    {
        if (_action.Arguments.Count == 0)
        {
            return input is null
                ? Filter
                : throw new InvalidException([new NoSuchInput($"{_action} takes no arguments") { Resource = _resource.Name }]);
        }

        var arguments = ArgumentReader.Read(_resource, _action, input);
        return Filter is null ? null : LambdaTranslator.BindArguments(_resource, Filter, arguments);
    }
}
