using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
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
        _ => ReadObject(input),
    };

    // One compiled getter per property of each input type (an import reads thousands of objects of one anonymous type).
    private static readonly ConditionalWeakTable<Type, Getter[]> Getters = [];

    private static KeyValuePair<string, object?>[] ReadObject(object input)
    {
        var getters = Getters.GetValue(input.GetType(), Compile);
        var pairs = new KeyValuePair<string, object?>[getters.Length];
        for (var i = 0; i < getters.Length; i++)
        {
            pairs[i] = new KeyValuePair<string, object?>(getters[i].Name, getters[i].Get(input));
        }

        return pairs;
    }

    private static Getter[] Compile(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null)
            .Select(p =>
            {
                var instance = Expression.Parameter(typeof(object), "instance");
                var get = Expression.Lambda<Func<object, object?>>(
                    Expression.Convert(Expression.Property(Expression.Convert(instance, type), p), typeof(object)), instance).Compile();
                return new Getter(p.Name, get);
            })];

    private sealed record Getter(string Name, Func<object, object?> Get);

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
