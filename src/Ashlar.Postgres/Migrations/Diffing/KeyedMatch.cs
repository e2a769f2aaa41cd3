namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>
/// Matches two lists of named schema objects by key: each old item, in order, with the new item of the same key or
/// none (removed or changed is the caller's call), then each new item no old key names (added), in order.
/// </summary>
internal static class KeyedMatch
{
    /// <param name="before">The old items.</param>
    /// <param name="after">The new items.</param>
    /// <param name="beforeKey">The key an old item is looked up by in <paramref name="after"/> (its name, or the name it is renamed to).</param>
    /// <param name="afterKey">The key of a new item.</param>
    /// <param name="matched">Called for each old item with its index and its new partner, or null when there is none.</param>
    /// <param name="added">Called for each new item whose key no old item has.</param>
    public static void Run<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> beforeKey, Func<T, string> afterKey,
        Action<int, T, T?> matched, Action<T> added)
        where T : class
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < before.Count; i++)
        {
            var key = beforeKey(before[i]);
            keys.Add(key);
            matched(i, before[i], after.FirstOrDefault(a => afterKey(a) == key));
        }

        foreach (var item in after.Where(a => !keys.Contains(afterKey(a))))
        {
            added(item);
        }
    }
}
