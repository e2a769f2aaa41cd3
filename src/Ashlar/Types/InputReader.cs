using System.Collections;
using System.Reflection;
using System.Text.Json;
using Ashlar.Errors;

namespace Ashlar.Types;

/// <summary>
/// Reads an action's input — an anonymous object, a dictionary, or a JSON object from a request body —
/// as name/value pairs. Names are matched later against attribute names and property names.
/// </summary>
internal static class InputReader
{
    /// <exception cref="InvalidException">A JSON name is not valid Unicode text.</exception>
    public static IReadOnlyList<KeyValuePair<string, object?>> Read(object? input, string? resource = null) => input switch
    {
        null => [],
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToList(),
        IDictionary dictionary => dictionary.Keys.Cast<object>()
            .Select(k => new KeyValuePair<string, object?>(k.ToString()!, dictionary[k]))
            .ToList(),
        JsonElement { ValueKind: JsonValueKind.Object } json => json.EnumerateObject()
            .Select(p => new KeyValuePair<string, object?>(Name(p, resource), p.Value))
            .ToList(),
        JsonDocument document => Read(document.RootElement, resource),
        JsonElement => throw new ArgumentException("A JSON input must be an object.", nameof(input)),
        _ => input.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(input)))
            .ToList(),
    };

    private static string Name(JsonProperty property, string? resource)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidException([new InvalidAttribute($"an input's name is invalid: {StorableText.InvalidJsonText}") { Resource = resource }], e);
        }
    }
}
