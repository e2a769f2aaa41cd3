using System.Reflection;

namespace Ashlar.Resources;

/// <summary>
/// Whether a reference-type property is declared nullable (<c>string?</c>). One context for every resource: a context
/// caches what it read of each module and type, and a new one per property read them again each time.
/// </summary>
internal static class PropertyNullability
{
    private static readonly NullabilityInfoContext Context = new();
    private static readonly Lock Gate = new();

    public static bool AllowsNil(PropertyInfo property)
    {
        // A context is not thread-safe, and domains may be built on several threads at once.
        lock (Gate)
        {
            return Context.Create(property).WriteState != NullabilityState.NotNull;
        }
    }
}
