namespace Ashlar.Queries;

/// <summary>One page of records, with what is needed to fetch the next one.</summary>
/// <typeparam name="T">The resource class.</typeparam>
/// <param name="Records">The records of this page, in sort order.</param>
/// <param name="NextCursor">For keyset pagination: pass as <c>after</c> to get the next page; null when there is none.</param>
/// <param name="HasMore">True when more records follow this page.</param>
public sealed record Page<T>(IReadOnlyList<T> Records, string? NextCursor, bool HasMore)
{
    /// <summary>The number of records the filter selects across all pages, when it was asked for.</summary>
    public long? Count { get; init; }
}
