using Ashlar.Actions;
using Ashlar.Errors;
using Ashlar.Resources;

namespace Ashlar.Changesets;

/// <summary>Reads a read action's arguments from a query: the same names, casts and errors as a write's arguments.</summary>
internal static class ArgumentReader
{
    /// <exception cref="InvalidException">An argument is unknown, of the wrong type, breaks a constraint, or is required and missing.</exception>
    public static IReadOnlyDictionary<string, object?> Read(ResourceDefinition resource, ActionDefinition action, object? input)
    {
        var changeset = Changeset.ForArguments(resource, action, input);
        changeset.ThrowIfInvalid();
        return action.Arguments.ToDictionary(a => a.Name, a => changeset.Argument(a.Name), StringComparer.Ordinal);
    }
}
