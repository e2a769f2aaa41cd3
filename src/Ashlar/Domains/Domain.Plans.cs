using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using Ashlar.DataLayer;
using Ashlar.Queries;

namespace Ashlar.Domains;

public sealed partial class Domain
{
    /// <summary>
    /// The plan a read of <paramref name="query"/> hands the data layer, without running it: for a data layer's
    /// previews (such as the SQL a query compiles to) and tests.
    /// </summary>
    /// <exception cref="Errors.InvalidException">The query names an unknown field or a value of the wrong type.</exception>
    [Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
    public ReadPlan PlanRead<T>(Query<T> query, string? tenant = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        return _planner.Read(Model.Resource<T>(), query, tenant);
    }

    /// <summary>
    /// The plan of <c>AggregateAsync</c> (<paramref name="groupBy"/> null) or <c>AggregateByAsync</c> over
    /// <paramref name="query"/>, without running it.
    /// </summary>
    /// <exception cref="Errors.InvalidException">The query or aggregate names an unknown field.</exception>
    [Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
    public AggregatePlan PlanAggregate<T>(Query<T> query, LambdaExpression aggregate, LambdaExpression? groupBy = null, string? tenant = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(aggregate);
        return _planner.Aggregate(query, aggregate, groupBy, tenant);
    }
}
