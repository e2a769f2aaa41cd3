using System.Linq.Expressions;
using Ashlar.Actions;

namespace Ashlar.Resources;

/// <summary>Declares one action: what it accepts and what it sets.</summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed partial class ActionBuilder<T>
    where T : class
{
    private readonly List<string> _accept = [];
    private readonly Dictionary<string, object?> _set = [];
    private bool _acceptAll;
    private bool _primary;

    internal ActionBuilder(string name, ActionKind kind)
    {
        Name = name;
        Kind = kind;
    }

    internal string Name { get; }

    internal ActionKind Kind { get; }

    /// <summary>Makes this the action used when a caller names none.</summary>
    public ActionBuilder<T> Primary(bool primary = true)
    {
        _primary = primary;
        return this;
    }

    /// <summary>Accepts these attributes as input.</summary>
    public ActionBuilder<T> Accept(params Expression<Func<T, object?>>[] attributes)
    {
        _accept.AddRange(attributes.Select(a => MemberNames.Of(a)));
        return this;
    }

    /// <summary>Accepts every public, writable attribute as input.</summary>
    public ActionBuilder<T> AcceptAllPublic()
    {
        _acceptAll = true;
        return this;
    }

    /// <summary>Sets an attribute to a fixed value whenever the action runs.</summary>
    public ActionBuilder<T> Set<TValue>(Expression<Func<T, TValue>> attribute, TValue value)
    {
        _set[MemberNames.Of(attribute)] = value;
        return this;
    }

    internal ActionDefinition Build(IEnumerable<AttributeDefinition> attributes)
    {
        var accept = _acceptAll
            ? attributes.Where(a => a.Public && a.Writable).Select(a => a.Name).ToList()
            : _accept.Distinct().ToList();
        return WithLogic(new ActionDefinition { Name = Name, Kind = Kind, Primary = _primary, Accept = accept, Set = _set });
    }
}
