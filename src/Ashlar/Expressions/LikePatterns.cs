namespace Ashlar.Expressions;

/// <summary>Checks LIKE / ILIKE patterns from callers before PostgreSQL sees them.</summary>
internal static class LikePatterns
{
    /// <summary>
    /// Why the pattern is invalid, or null. PostgreSQL's escape character is the backslash; a pattern ending in one
    /// that escapes nothing fails on the server (22025), and only when some row reaches that point of the pattern.
    /// </summary>
    public static string? Problem(string pattern)
    {
        var trailing = pattern.Length - pattern.AsSpan().TrimEnd('\\').Length;
        return trailing % 2 == 1
            ? "is invalid: a LIKE pattern cannot end in the escape character '\\' (write '\\\\' to match a backslash)"
            : null;
    }
}
