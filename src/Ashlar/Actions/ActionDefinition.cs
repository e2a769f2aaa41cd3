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
    public IReadOnlyDictionary<string, object?> Set { get; init; } = new Dictionary<string, object?>();

    /// <summary>
    /// Attributes an update action sets to an expression of the stored row, evaluated by the database in the update
    /// statement (e.g. <c>score</c> to <c>t =&gt; t.Score + 1</c>).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, LambdaExpression>> Atomics { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} :{Name}";
}
