using Ashlar.DataLayer;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>
/// The order an upsert batch's rows are sent in: by conflict key, the same total order for every caller, so concurrent
/// upserts of overlapping keys take their row locks in the same order and cannot deadlock. Sorting here instead of in
/// the statement (an <c>ORDER BY</c> over the unnested arrays) keeps the statement as cheap as a hand-written one.
/// Case-insensitive strings compare case-insensitively, so keys the index holds equal sort equal.
/// </summary>
internal static class UpsertOrder
{
    /// <summary>The rows' positions in key order (stable: equal keys keep their input order).</summary>
    public static int[] Of(IReadOnlyList<AttributeDefinition> target, IReadOnlyList<IReadOnlyList<FieldValue>> rows)
    {
        var keys = new object?[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
        {
            var key = new object?[target.Count];
            var row = rows[r];
            for (var i = 0; i < row.Count; i++)
            {
                var index = IndexOf(target, row[i].Attribute);
                if (index >= 0)
                {
                    key[index] = row[i].Value;
                }
            }

            keys[r] = key;
        }

        var comparers = target.Select(Comparer).ToArray();
        var order = new int[rows.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Array.Sort is not stable; the position breaks ties, which makes it so.
        Array.Sort(order, (a, b) =>
        {
            for (var i = 0; i < comparers.Length; i++)
            {
                var compared = comparers[i].Compare(keys[a][i], keys[b][i]);
                if (compared != 0)
                {
                    return compared;
                }
            }

            return a.CompareTo(b);
        });
        return order;
    }

    private static int IndexOf(IReadOnlyList<AttributeDefinition> target, AttributeDefinition attribute)
    {
        for (var i = 0; i < target.Count; i++)
        {
            if (ReferenceEquals(target[i], attribute) || target[i].Name == attribute.Name)
            {
                return i;
            }
        }

        return -1;
    }

    private static IComparer<object?> Comparer(AttributeDefinition attribute) => attribute.Type.Kind switch
    {
        TypeKind.CiString => new KeyComparer(StringComparer.OrdinalIgnoreCase),
        _ => new KeyComparer(StringComparer.Ordinal),
    };

    /// <summary>Nil first; strings by <paramref name="strings"/>; other values by their own order, or by their text across types.</summary>
    private sealed class KeyComparer(StringComparer strings) : IComparer<object?>
    {
        public int Compare(object? x, object? y)
        {
            if (x is null || y is null)
            {
                return (x is null ? 0 : 1) - (y is null ? 0 : 1);
            }

            if (x is string a && y is string b)
            {
                return strings.Compare(a, b);
            }

            if (x.GetType() == y.GetType() && x is IComparable comparable)
            {
                return comparable.CompareTo(y);
            }

            return string.CompareOrdinal(x.ToString(), y.ToString());
        }
    }
}
