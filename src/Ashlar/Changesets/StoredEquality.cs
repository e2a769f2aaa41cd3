using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashlar.Types;

namespace Ashlar.Changesets;

/// <summary>
/// Whether two values of an attribute would be stored as the same value, so writing one over the other changes
/// nothing: decimals at the declared scale, timestamps and times to the microsecond, byte arrays, arrays and maps by
/// content. When in doubt the answer is "different", which costs a write, never a lost change.
/// </summary>
internal static class StoredEquality
{
    private const long TicksPerMicrosecond = 10;

    public static bool Same(AttributeType type, object? current, object? proposed)
    {
        if (current is null || proposed is null)
        {
            return current is null && proposed is null;
        }

        return type.Kind switch
        {
            TypeKind.Decimal when current is decimal a && proposed is decimal b => Stored(type, a) == Stored(type, b),
            TypeKind.UtcDateTime or TypeKind.NaiveDateTime => Microseconds(current) is { } a && a == Microseconds(proposed),
            TypeKind.Time when current is TimeOnly a && proposed is TimeOnly b => a.Ticks / TicksPerMicrosecond == b.Ticks / TicksPerMicrosecond,
            TypeKind.Binary when current is byte[] a && proposed is byte[] b => a.AsSpan().SequenceEqual(b),
            TypeKind.Array when current is IEnumerable a && proposed is IEnumerable b => SameElements(type.ElementType!, a, b),
            TypeKind.Map => SameJson(current, proposed),

            // Text compares ordinally, case-insensitive text too: a change of case is a change the caller wants stored.
            _ => current.Equals(proposed),
        };
    }

    private static decimal Stored(AttributeType type, decimal value) =>
        type.Scale is { } scale ? Math.Round(value, scale, MidpointRounding.AwayFromZero) : value;

    private static long? Microseconds(object value) => value switch
    {
        DateTimeOffset offset => offset.UtcTicks / TicksPerMicrosecond,
        DateTime { Kind: DateTimeKind.Local } local => local.ToUniversalTime().Ticks / TicksPerMicrosecond,
        DateTime stamp => stamp.Ticks / TicksPerMicrosecond,
        _ => null,
    };

    private static bool SameElements(AttributeType element, IEnumerable current, IEnumerable proposed)
    {
        var a = current.GetEnumerator();
        var b = proposed.GetEnumerator();
        while (a.MoveNext())
        {
            if (!b.MoveNext() || !Same(element, a.Current, b.Current))
            {
                return false;
            }
        }

        return !b.MoveNext();
    }

    private static bool SameJson(object current, object proposed)
    {
        try
        {
            return JsonNode.DeepEquals(JsonSerializer.SerializeToNode(current), JsonSerializer.SerializeToNode(proposed));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return false;
        }
    }
}
