namespace Ashlar.Validation;

/// <summary>
/// The keys that occur more than once in a declaration's short list (arguments, actions, identities), each once, in
/// order of their second occurrence. A nested scan: these lists hold a handful of items and a domain build checks
/// thousands of them, so grouping (a lookup and its groups per list) would cost more than it saves.
/// </summary>
internal static class Duplicates
{
    public static IEnumerable<TKey> Of<TItem, TKey>(IReadOnlyList<TItem> items, Func<TItem, TKey> key)
    {
        var comparer = EqualityComparer<TKey>.Default;
        for (var i = 1; i < items.Count; i++)
        {
            var current = key(items[i]);
            var earlier = 0;
            for (var j = 0; j < i; j++)
            {
                earlier += comparer.Equals(key(items[j]), current) ? 1 : 0;
            }

            if (earlier == 1)
            {
                yield return current;
            }
        }
    }
}
