using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ashlar.Types;

/// <summary>
/// Finds text PostgreSQL cannot take: the NUL character (text and jsonb refuse it) and lone UTF-16 surrogates (they
/// have no UTF-8 encoding), in a value and anything it holds — array elements, map keys and values, JSON strings and
/// property names, including JSON whose UTF-8 is invalid. Callers turn the answer into a typed error before any SQL runs.
/// </summary>
internal static class StorableText
{
    public const string InvalidJsonText = "text is not valid Unicode (invalid UTF-8 or a lone surrogate escape)";

    /// <summary>Why the text cannot be stored, or null when it can.</summary>
    public static string? Problem(ReadOnlySpan<char> text)
    {
        if (text.Contains('\0'))
        {
            return "text cannot contain the NUL character (PostgreSQL cannot store it)";
        }

        var suspect = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (suspect < 0)
        {
            return null;
        }

        for (var i = suspect; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return $"text is not valid Unicode (a lone surrogate at position {i})";
            }
        }

        return null;
    }

    /// <summary>
    /// Why some text in <paramref name="value"/> cannot be stored, or null. Collections, dictionaries and JSON are
    /// searched with a stack of their own, so deep nesting cannot overflow the call stack.
    /// </summary>
    public static string? Problem(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return Problem(text.AsSpan());
            case char c:
                return Problem([c]);
            case ValueType and not JsonElement:
                return null;
            case byte[]:
                return null;
        }

        var pending = new Stack<object?>();
        pending.Push(value);
        try
        {
            while (pending.TryPop(out var item))
            {
                if (Step(item, pending) is { } problem)
                {
                    return problem;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json throws this when a JSON string or name does not decode to UTF-16.
            return InvalidJsonText;
        }

        return null;
    }

    private static string? Step(object? item, Stack<object?> pending)
    {
        switch (item)
        {
            case null or byte[] or IQueryable:
                return null;
            case string text:
                return Problem(text.AsSpan());
            case char c:
                return Problem([c]);
            case JsonElement json:
                Push(json, pending);
                return null;
            case JsonDocument document:
                Push(document.RootElement, pending);
                return null;
            case JsonValue node when node.GetValueKind() == JsonValueKind.String:
                return Problem(node.GetValue<string>().AsSpan());
            case JsonValue:
                return null;
            case JsonObject node:
                foreach (var (key, child) in node)
                {
                    pending.Push(key);
                    pending.Push(child);
                }

                return null;
            case JsonArray node:
                foreach (var child in node)
                {
                    pending.Push(child);
                }

                return null;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    pending.Push(entry.Key);
                    pending.Push(entry.Value);
                }

                return null;
            case IEnumerable items:
                foreach (var child in items)
                {
                    pending.Push(child);
                }

                return null;
            case ValueType:
                return null;
            default:
                if (Serialized(item) is { } serialized)
                {
                    Push(serialized, pending);
                }

                return null;
        }
    }

    /// <summary>Any other object in a map is written as the JSON it serializes to; one that cannot be fails when written.</summary>
    private static JsonElement? Serialized(object item)
    {
        try
        {
            return JsonSerializer.SerializeToElement(item);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void Push(JsonElement json, Stack<object?> pending)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                pending.Push(json.GetString());
                break;
            case JsonValueKind.Array:
                foreach (var child in json.EnumerateArray())
                {
                    pending.Push(child);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in json.EnumerateObject())
                {
                    pending.Push(property.Name);
                    pending.Push(property.Value);
                }

                break;
        }
    }
}
