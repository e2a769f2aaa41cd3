using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>
/// The order an upsert batch's rows are sent in: by conflict key, the same total order for every caller, so concurrent
/// upserts of overlapping keys take their row locks in the same order and cannot deadlock. Sorting here instead of in
/// the statement (an <c>ORDER BY</c> over the unnested arrays) keeps the statement as cheap as a hand-written one.
/// Keys compare as they are sent (enums by stored name, timestamps in UTC); case-insensitive strings compare
/// case-insensitively, so keys the index holds equal sort equal.
/// </summary>
internal static class UpsertOrder
{
    /// <summary>
    /// Sorts the rows of <paramref name="arrays"/> by <paramref name="target"/> and returns where each came from
    /// (<c>order[i]</c> is the position before the sort of the row now at <c>i</c>); stable: equal keys keep their order.
    /// </summary>
    public static int[] Sort(BulkColumns arrays, IReadOnlyList<AttributeDefinition> columns, IReadOnlyList<AttributeDefinition> target, int count)
    {
        // A key column a run leaves out (its database default fills it) is nil in every row: nothing to compare.
        var keys = target.Select(t => IndexOf(columns, t)).Where(k => k >= 0).ToArray();
        var order = new int[count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Array.Sort is not stable; the position breaks ties, which makes it so.
        Array.Sort(order, (a, b) =>
        {
            foreach (var key in keys)
            {
                var compared = arrays.Compare(key, a, b);
                if (compared != 0)
                {
                    return compared;
                }
            }

            return a.CompareTo(b);
        });
        arrays.Reorder(order);
        return order;
    }

    private static int IndexOf(IReadOnlyList<AttributeDefinition> columns, AttributeDefinition attribute)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (ReferenceEquals(columns[i], attribute) || columns[i].Name == attribute.Name)
            {
                return i;
            }
        }

        return -1;
    }
}
