using System.Linq.Expressions;

namespace Ashlar.Actions;

/// <summary>A named action of a resource. Immutable.</summary>
public sealed record ActionDefinition
{
    /// <summary>The action's name, e.g. <c>create</c> or <c>close</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the action does.</summary>
    public required ActionKind Kind { get; init; }

    /// <summary>True when this is the action used when a caller names none.</summary>
    public bool Primary { get; init; }

    /// <summary>The attributes the action accepts as input (create and update).</summary>
    public IReadOnlyList<string> Accept { get; init; } = [];

    /// <summary>Attributes the action sets to fixed values, whatever the input says.</summary>
    public IReadOnlyDictionary<string, object?> Set { get; init; } = System.Collections.Frozen.FrozenDictionary<string, object?>.Empty;

    /// <summary>
    /// Attributes an update action sets to an expression of the stored row, evaluated by the database in the update
    /// statement (e.g. <c>score</c> to <c>t =&gt; t.Score + 1</c>).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, LambdaExpression>> Atomics { get; init; } = [];

    /// <summary>Conditions an update action checks in its update statement (see <see cref="AtomicValidation"/>).</summary>
    public IReadOnlyList<AtomicValidation> AtomicValidations { get; init; } = [];

    /// <summary>The action's arguments: inputs that are not attributes.</summary>
    public IReadOnlyList<ArgumentDefinition> Arguments { get; init; } = [];

    /// <summary>For a soft destroy: the attribute set to the current time instead of deleting the row; else null.</summary>
    public string? SoftDestroyAttribute { get; init; }

    /// <summary>For a read action: the most records a page holds when the caller asks for none.</summary>
    public int? DefaultPageSize { get; init; }

    /// <summary>For a read action: the most records a page may hold; larger requests are cut to it.</summary>
    public int? MaxPageSize { get; init; }

    /// <summary>For a read action: true when it returns one record (read it with <c>ReadOneAsync</c>).</summary>
    public bool Get { get; init; }

    /// <summary>The changes and validations, in declaration order.</summary>
    internal IReadOnlyList<IActionStep> Steps { get; init; } = [];

    /// <summary>For a read action: filters (typed lambdas, some reading the action's arguments), sorts, limit and loads.</summary>
    internal ReadPreparations? Preparations { get; init; }

    /// <summary>True when running the action takes more than accepting input: arguments, changes, validations, a soft destroy.</summary>
    internal bool HasLogic { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} :{Name}";
}
