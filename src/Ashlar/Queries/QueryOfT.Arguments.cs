namespace Ashlar.Queries;

public sealed partial record Query<T>
{
    internal object? ActionArguments { get; init; }

    /// <summary>
    /// Runs the query through the named read action with values for its arguments (an anonymous object, a dictionary
    /// or a JSON object), read by the action's filters.
    /// </summary>
    public Query<T> Action(string name, object? arguments) => this with { ActionName = name, ActionArguments = arguments };
}
