namespace Ashlar.Errors;

/// <summary>
/// A caller named an action the resource does not declare (or the resource declares no action of that kind). The
/// message lists the actions of that kind the resource has; <see cref="Available"/> holds their names.
/// </summary>
public sealed record NoSuchAction(string Message) : AshlarError("no_such_action", Message)
{
    /// <summary>The name the caller gave, or null when it asked for the primary action.</summary>
    public string? Action { get; init; }

    /// <summary>The names of the resource's actions of the kind asked for, primary first.</summary>
    public IReadOnlyList<string> Available { get; init; } = [];

    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
