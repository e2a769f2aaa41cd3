using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Ashlar.Changesets;

/// <summary>
/// Reads an action's input — an anonymous object, a dictionary, or a JSON object from a request body —
/// as name/value pairs. Names are matched later against attribute names and property names.
/// </summary>
internal static class InputReader
{
    public static IReadOnlyList<KeyValuePair<string, object?>> Read(object? input) => input switch
    {
        null => [],
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToList(),
        IDictionary dictionary => dictionary.Keys.Cast<object>()
            .Select(k => new KeyValuePair<string, object?>(k.ToString()!, dictionary[k]))
            .ToList(),
        JsonElement { ValueKind: JsonValueKind.Object } json => json.EnumerateObject()
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.Value))
            .ToList(),
        JsonDocument document => Read(document.RootElement),
        JsonElement => throw new ArgumentException("A JSON input must be an object.", nameof(input)),
        _ => input.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(input)))
            .ToList(),
    };
}
