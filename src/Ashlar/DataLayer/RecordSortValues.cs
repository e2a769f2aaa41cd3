using System.Runtime.CompilerServices;

namespace Ashlar.DataLayer;

/// <summary>
/// The sort values a read returned alongside each record, when its plan asked for them
/// (<see cref="ReadPlan.ReturnSortValues"/>): data layers record them here and keyset pagination builds its cursor from
/// them, so a page can continue after a related field, an aggregate or a calculation that is not a property of the
/// record. Held weakly: they go when the record does.
/// </summary>
internal static class RecordSortValues
{
    private static readonly ConditionalWeakTable<object, object?[]> Values = new();

    public static void Set(object record, object?[] values) => Values.AddOrUpdate(record, values);

    public static object?[]? Get(object record) => Values.TryGetValue(record, out var values) ? values : null;
}
