using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Expressions;

namespace Ashlar.Queries;

internal sealed partial class QueryPlanner
{
    /// <summary>
    /// The read of one keyset page of <paramref name="plan"/>: its sort made total (<see cref="Keyset.TotalSort"/>),
    /// the records after the cursor <paramref name="after"/> (all when null), one more than <paramref name="limit"/> to
    /// tell whether another page follows.
    /// </summary>
    /// <exception cref="InvalidException">The cursor was tampered with, or the plan has a distinct or a sort key of unknown type.</exception>
    public static ReadPlan KeysetPage(ReadPlan plan, int limit, string? after)
    {
        var resource = plan.Resource;
        if (plan.Distinct.Count > 0)
        {
            throw AshlarException.From(new InvalidFilterReference(
                "keyset pages cannot be combined with Distinct (the cursor would apply before the distinct and repeat groups); use offset pagination")
            { Resource = resource.Name });
        }

        var sort = Keyset.TotalSort(resource, plan.Sort);
        var filter = plan.Filter;
        if (after is not null)
        {
            var afterCursor = Keyset.After(resource, sort, after);
            filter = filter is null ? afterCursor : new BinaryExpr(BinaryOperator.And, filter, afterCursor);
        }

        return plan with { Filter = filter, Sort = sort, Limit = limit + 1, Offset = null };
    }
}
