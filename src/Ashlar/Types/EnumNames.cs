using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Types;

/// <summary>Maps enum values to and from their stored snake_case names.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public static class EnumNames
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<object, string> ToName, Dictionary<string, object> FromName)> Cache = new();

    /// <summary>The stored name of an enum value (<c>VerySad</c> is stored as <c>very_sad</c>).</summary>
    public static string ToStored(object value) => Maps(value.GetType()).ToName[value];

    /// <summary>The value of <paramref name="enumType"/> whose stored or .NET name is <paramref name="text"/> (case-insensitive).</summary>
    public static bool TryParse(Type enumType, string text, out object? value)
    {
        var maps = Maps(enumType);
        if (maps.FromName.TryGetValue(text, out var found) ||
            maps.FromName.TryGetValue(Naming.ToSnakeCase(text), out found))
        {
            value = found;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The stored names of every value of <paramref name="enumType"/>.</summary>
    internal static IReadOnlyCollection<string> StoredNames(Type enumType) => Maps(enumType).ToName.Values;

    private static (Dictionary<object, string> ToName, Dictionary<string, object> FromName) Maps(Type enumType) =>
        Cache.GetOrAdd(enumType, static type =>
        {
            var toName = new Dictionary<object, string>();
            var fromName = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in Enum.GetValues(type))
            {
                var name = Naming.ToSnakeCase(Enum.GetName(type, value)!);
                toName[value] = name;
                fromName[name] = value;
            }

            return (toName, fromName);
        });
}
