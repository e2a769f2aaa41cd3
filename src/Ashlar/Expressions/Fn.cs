namespace Ashlar.Expressions;

/// <summary>
/// Functions for filter and sort lambdas, in the style of <c>EF.Functions</c>: <c>p =&gt; p.InsertedAt &gt; Fn.Ago(7, TimeUnit.Day)</c>.
/// They only mark what to translate; calling them outside a query throws.
/// </summary>
public static class Fn
{
    /// <summary>The current instant (<c>now()</c>).</summary>
    public static DateTimeOffset Now() => throw OutsideQuery();

    /// <summary>The current date (<c>CURRENT_DATE</c>).</summary>
    public static DateOnly Today() => throw OutsideQuery();

    /// <summary>The instant <paramref name="amount"/> units before now.</summary>
    public static DateTimeOffset Ago(int amount, TimeUnit unit) => throw OutsideQuery();

    /// <summary>The instant <paramref name="amount"/> units after now.</summary>
    public static DateTimeOffset FromNow(int amount, TimeUnit unit) => throw OutsideQuery();

    /// <summary>An instant plus <paramref name="amount"/> units.</summary>
    public static DateTimeOffset DateAdd(DateTimeOffset value, int amount, TimeUnit unit) => throw OutsideQuery();

    /// <summary>An instant truncated to the start of its <paramref name="unit"/> (<c>date_trunc</c>).</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value, TimeUnit unit) => throw OutsideQuery();

    /// <summary>The string matches a LIKE pattern (<c>%</c> and <c>_</c> are wildcards).</summary>
    public static bool Like(string? value, string pattern) => throw OutsideQuery();

    /// <summary>The string matches a LIKE pattern without regard to case.</summary>
    public static bool ILike(string? value, string pattern) => throw OutsideQuery();

    /// <summary>The strings joined end to end.</summary>
    public static string Concat(params string?[] values) => throw OutsideQuery();

    /// <summary>Not equal, where two nils are equal (<c>IS DISTINCT FROM</c>).</summary>
    public static bool IsDistinctFrom<TValue>(TValue left, TValue right) => throw OutsideQuery();

    /// <summary>Equal, where two nils are equal (<c>IS NOT DISTINCT FROM</c>).</summary>
    public static bool IsNotDistinctFrom<TValue>(TValue left, TValue right) => throw OutsideQuery();

    /// <summary>The value converted to <typeparamref name="TResult"/> in the database.</summary>
    public static TResult Cast<TResult>(object? value) => throw OutsideQuery();

    /// <summary>The arrays share at least one element (<c>&amp;&amp;</c>).</summary>
    public static bool Overlaps<TElement>(IEnumerable<TElement>? array, IEnumerable<TElement> other) => throw OutsideQuery();

    /// <summary>The value at a path of keys inside a JSON attribute, as <typeparamref name="TResult"/>.</summary>
    public static TResult JsonGet<TResult>(object? json, params string[] path) => throw OutsideQuery();

    /// <summary>
    /// Raw SQL with <c>?</c> placeholders for <paramref name="arguments"/> (<c>\?</c> is a literal question mark).
    /// The SQL must be a constant; arguments are written as parameters or column references, never as text.
    /// </summary>
    public static TResult Fragment<TResult>(string sql, params object?[] arguments) => throw OutsideQuery();

    /// <summary>True when a related record matches <paramref name="condition"/>.</summary>
    public static bool Exists<TRelated>(IEnumerable<TRelated>? relationship, Func<TRelated, bool> condition) => throw OutsideQuery();

    /// <summary>
    /// True when a record of <typeparamref name="TResource"/> — any resource of the same domain and repo, related or
    /// not — matches <paramref name="condition"/> (<c>EXISTS (SELECT 1 FROM … WHERE …)</c>). Inside the condition,
    /// the outer lambda's parameter is the record being filtered:
    /// <c>p =&gt; Fn.Exists&lt;Author&gt;(a =&gt; a.Id == p.AuthorId &amp;&amp; a.Email == email)</c>.
    /// </summary>
    public static bool Exists<TResource>(Func<TResource, bool> condition) => throw OutsideQuery();

    private static InvalidOperationException OutsideQuery() =>
        new("Fn functions only describe queries; use them inside Filter and Sort lambdas.");
}
