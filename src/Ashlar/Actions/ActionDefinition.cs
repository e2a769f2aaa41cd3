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

    /// <inheritdoc />
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} :{Name}";
}
