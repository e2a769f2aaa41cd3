using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ashlar.Errors;

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
                    Short(JsonMarshal.GetRawUtf8PropertyName(property), limits, resource, "name");
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
        if (input.Length > limits.MaxValueLength)
        {
            throw Refused(resource, $"the sort is {Count(input.Length)} characters long; at most {Count(limits.MaxValueLength)} are allowed (InputLimits.MaxValueLength)");
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
                Short(JsonMarshal.GetRawUtf8Value(element)[1..^1], limits, resource, "value");
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

    /// <summary>Refuses a string (its raw JSON text, without quotes) longer than the limit in characters.</summary>
    private static void Short(ReadOnlySpan<byte> raw, InputLimits limits, string resource, string what)
    {
        // A UTF-8 text or escape is never shorter in bytes than in characters, so most strings are never counted.
        if (raw.Length > limits.MaxValueLength && Utf16Length(raw) is var length && length > limits.MaxValueLength)
        {
            throw Refused(resource, $"a {what} in the filter is {Count(length)} characters long; at most {Count(limits.MaxValueLength)} are allowed (InputLimits.MaxValueLength)");
        }
    }

    /// <summary>The length in UTF-16 code units of raw JSON string text, counted without decoding (so malformed text cannot throw here).</summary>
    private static int Utf16Length(ReadOnlySpan<byte> raw)
    {
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == (byte)'\\')
            {
                i += i + 1 < raw.Length && raw[i + 1] == (byte)'u' ? 5 : 1;
                length++;
            }
            else if (b < 0x80 || b >= 0xC0)
            {
                // An ASCII byte or the lead byte of a sequence; four-byte sequences are surrogate pairs.
                length += b >= 0xF0 ? 2 : 1;
            }
        }

        return length;
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static InvalidException Refused(string resource, string message) =>
        new([new InvalidFilterSize(message) { Resource = resource }]);
}
