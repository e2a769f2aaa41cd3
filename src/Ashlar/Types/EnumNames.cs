using System.Collections.Concurrent;

namespace Ashlar.Types;

/// <summary>Maps enum values to and from their stored snake_case names.</summary>
internal static class EnumNames
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<object, string> ToName, Dictionary<string, object> FromName)> Cache = new();

    public static string ToStored(object value) => Maps(value.GetType()).ToName[value];

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

    public static IReadOnlyCollection<string> StoredNames(Type enumType) => Maps(enumType).ToName.Values;

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
