using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ashlar.Errors;
using Ashlar.Queries;

namespace Ashlar.Expressions.Input;

/// <summary>
/// Checks untrusted filter input against <see cref="InputLimits"/> before it is parsed: one walk with its own stack,
/// so neither a wide nor a deep input can overflow the thread's, and nothing over a bound reaches the parser or SQL.
/// </summary>
internal static class FilterInputBounds
{
    public static void Check(JsonElement input, InputLimits limits, string resource)
    {
        var bytes = JsonMarshal.GetRawUtf8Value(input).Length;
        if (bytes > limits.MaxInputBytes)
        {
            throw Refused(resource, $"the filter is {Count(bytes)} bytes long; at most {Count(limits.MaxInputBytes)} are allowed (InputLimits.MaxInputBytes)");
        }

        var conditions = 0;
        var pending = new Stack<(JsonElement Element, int Depth)>();
        pending.Push((input, 1));
        while (pending.TryPop(out var next))
        {
            var (element, depth) = next;
            if (depth > limits.MaxDepth)
            {
                throw Refused(resource, $"the filter is nested more than {limits.MaxDepth} levels deep (InputLimits.MaxDepth)");
            }

            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    Counted(++conditions, limits, resource);
                    Short(JsonMarshal.GetRawUtf8PropertyName(property).Length, limits, resource, "name");
                    Visit(property.Value, depth, pending, limits, resource);
                }
            }
            else
            {
                foreach (var item in element.EnumerateArray())
                {
                    Counted(++conditions, limits, resource);
                    Visit(item, depth, pending, limits, resource);
                }
            }
        }
    }

    /// <summary>Refuses a sort string longer than <see cref="InputLimits.MaxValueLength"/>, before it is split.</summary>
    public static void CheckSortLength(string input, InputLimits limits, string resource)
    {
        if (input.Length > limits.MaxValueLength || System.Text.Encoding.UTF8.GetByteCount(input) > limits.MaxValueLength)
        {
            throw Refused(resource, $"the sort is longer than {Count(limits.MaxValueLength)} bytes (InputLimits.MaxValueLength)");
        }
    }

    /// <summary>Refuses more keys than <see cref="InputLimits.MaxSortKeys"/>, or a key through more relationships than <see cref="InputLimits.MaxDepth"/>.</summary>
    public static void CheckSortKeys(IReadOnlyList<string> keys, InputLimits limits, string resource)
    {
        if (keys.Count > limits.MaxSortKeys)
        {
            throw Refused(resource, $"a sort may have at most {limits.MaxSortKeys} keys (InputLimits.MaxSortKeys)");
        }

        if (keys.Any(k => k.Count(c => c == '.') >= limits.MaxDepth))
        {
            throw Refused(resource, $"a sort key may go through at most {limits.MaxDepth - 1} relationships (InputLimits.MaxDepth)");
        }
    }

    private static void Visit(JsonElement element, int depth, Stack<(JsonElement, int)> pending, InputLimits limits, string resource)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array:
                pending.Push((element, depth + 1));
                break;
            case JsonValueKind.String:
                // The raw text has its two quotes; escapes count as written.
                Short(JsonMarshal.GetRawUtf8Value(element).Length - 2, limits, resource, "value");
                break;
            default:
                break;
        }
    }

    private static void Counted(int conditions, InputLimits limits, string resource)
    {
        if (conditions > limits.MaxConditions)
        {
            throw Refused(resource, $"the filter has more than {Count(limits.MaxConditions)} conditions (InputLimits.MaxConditions; every key and array element counts)");
        }
    }

    private static void Short(int bytes, InputLimits limits, string resource, string what)
    {
        if (bytes > limits.MaxValueLength)
        {
            throw Refused(resource, $"a {what} in the filter is {Count(bytes)} bytes long; at most {Count(limits.MaxValueLength)} are allowed (InputLimits.MaxValueLength)");
        }
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static InvalidException Refused(string resource, string message) =>
        new([new InvalidFilterSize(message) { Resource = resource }]);
}
