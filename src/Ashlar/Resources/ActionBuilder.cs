using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Ashlar.Actions;

namespace Ashlar.Resources;

/// <summary>Declares one action: what it accepts and what it sets.</summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed partial class ActionBuilder<T> : IActionDraft
    where T : class
{
    private readonly List<string> _accept = [];
    private readonly Dictionary<string, object?> _set = [];
    private readonly List<KeyValuePair<string, LambdaExpression>> _atomics = [];
    private readonly List<AtomicValidation> _atomicValidations = [];
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
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public ActionBuilder<T> Set<TValue>(Func<T, TValue> attribute, TValue value, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        _set[MemberSelectorText.NameOrThrow(typeof(T), typeof(TValue), attributeText, "action set")] = value;
        return this;
    }

    /// <summary>
    /// On an update action: sets an attribute to an expression of the stored row, evaluated by the database in the
    /// update statement, e.g. <c>a.Atomic(t =&gt; t.Score, t =&gt; t.Score + 1)</c>; the attribute's constraints are
    /// checked in the same statement.
    /// </summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public ActionBuilder<T> Atomic<TValue>(Func<T, TValue> attribute, Expression<Func<T, TValue>> value, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        _atomics.Add(new(MemberSelectorText.NameOrThrow(typeof(T), typeof(TValue), attributeText, "action atomic"), value));
        return this;
    }

    /// <summary>
    /// On an update action: a condition checked in the update statement itself, against the row as stored when the
    /// statement runs, e.g. <c>a.ValidateAtomically(t =&gt; t.CommentCount == 0, "comments", "cannot change once commented")</c>.
    /// When it does not hold (or is nil) the update fails with an <see cref="Errors.InvalidAttribute"/> naming
    /// <paramref name="field"/> and <paramref name="message"/> and writes nothing — for single updates and updates by query.
    /// </summary>
    /// <param name="condition">Attributes, to-one paths, aggregates and calculations of the record.</param>
    /// <param name="field">The field the error names.</param>
    /// <param name="message">The error's message.</param>
    public ActionBuilder<T> ValidateAtomically(Expression<Func<T, bool>> condition, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        _atomicValidations.Add(new AtomicValidation(condition, field, message));
        return this;
    }

    ActionDefinition IActionDraft.Build(IReadOnlyList<AttributeDefinition> attributes)
    {
        var accept = _acceptAll ? AcceptedAttributes.AllPublicWritable(attributes) : _accept.Distinct().ToList();
        return WithLogic(new ActionDefinition { Name = Name, Kind = Kind, Primary = _primary, Accept = accept, Set = _set, Atomics = _atomics, AtomicValidations = _atomicValidations });
    }
}
