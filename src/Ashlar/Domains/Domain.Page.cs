using Ashlar.Errors;
using Ashlar.Queries;

namespace Ashlar.Domains;

public sealed partial class Domain
{
    /// <summary>
    /// Reads one page. With <paramref name="offset"/>, offset pagination; otherwise keyset pagination, where
    /// <paramref name="after"/> is the <see cref="Page{T}.NextCursor"/> of the previous page (null for the first).
    /// Keyset pages are stable under inserts and never skip or repeat records, ties and nils included.
    /// </summary>
    /// <param name="query">The query: filter, sort (the primary key is added as the last tie-breaker) and loads.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="after">The cursor to continue after (keyset pagination).</param>
    /// <param name="offset">Records to skip (offset pagination).</param>
    /// <param name="count">True to also count every record the filter selects (one more query).</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidException">The cursor was tampered with, or the query is invalid.</exception>
    public async Task<Page<T>> PageAsync<T>(Query<T> query, int limit, string? after = null, int? offset = null, bool count = false,
        string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var resource = Model.Resource<T>();
        using var activity = BeginReadAction(resource, query.ActionName, tenant, out var action);
        try
        {
            var plan = Prepared(resource, action, query, _planner.Read(resource, query, tenant));
            limit = action.MaxPageSize is { } max && limit > max ? max : limit;
            var counted = count ? await DataLayer.CountAsync(plan, cancellationToken).ConfigureAwait(false) : (long?)null;
            if (offset is not null)
            {
                var rows = await DataLayer.ReadAsync<T>(plan with { Limit = limit + 1, Offset = offset }, cancellationToken).ConfigureAwait(false);
                return new Page<T>(rows.Take(limit).ToList(), null, rows.Count > limit) { Count = counted };
            }

            var keyset = QueryPlanner.KeysetPage(plan, limit, after);
            var read = await DataLayer.ReadWithSortValuesAsync<T>(keyset, cancellationToken).ConfigureAwait(false);
            var page = read.Records.Take(limit).ToList();
            var more = read.Records.Count > limit;
            return new Page<T>(page, more && page.Count > 0 ? Keyset.Cursor(resource, keyset.Sort, read, page.Count - 1) : null, more) { Count = counted };
        }
        catch (Exception e) when (activity.Fail(e))
        {
            throw; // never reached: Fail marks the activity and declines the exception
        }
    }
}
