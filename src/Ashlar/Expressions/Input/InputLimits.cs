
namespace Ashlar.Expressions.Input;

/// <summary>
/// Bounds on untrusted query input (<see cref="Queries.Query{T}.FilterInput"/> and <see cref="Queries.Query{T}.SortInput"/>), checked
/// before anything is parsed or sent to the database; input over a bound is refused with an
/// <see cref="Errors.InvalidFilterSize"/>. Set them for a domain with <see cref="Domains.DomainBuilder.UseInputLimits"/>.
/// </summary>
public sealed record InputLimits
{
    /// <summary>The bounds used unless a domain sets its own.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>
    /// The most conditions a filter may have (default 1,000). Every object key (field, operator, <c>and</c>, <c>or</c>,
    /// <c>not</c>) and every array element counts as one.
    /// </summary>
    public int MaxConditions { get; init; } = 1_000;

    /// <summary>The most levels a filter may be nested, counting every JSON object and array (default 32).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>The largest filter, in bytes of its JSON text as sent (default 1 MiB).</summary>
    public int MaxInputBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// The longest string in a filter — a value, field or operator name — or sort string, in characters (UTF-16 code
    /// units; default 65,536). A long pattern is costly: PostgreSQL matches it against every row, so lower this where
    /// no field needs long values.
    /// </summary>
    public int MaxValueLength { get; init; } = 64 * 1024;

    /// <summary>The most keys a sort string may have (default 16).</summary>
    public int MaxSortKeys { get; init; } = 16;
}
