using System.Linq.Expressions;
using Ashlar.Resources;

namespace Ashlar.Queries;

/// <summary>
/// One aggregate over the records a query selects — what to compute and the C# type of the result. Made by
/// <see cref="Aggregations{T}"/> and run by <c>Domain.AggregateAsync</c> or <c>Domain.AggregateByAsync</c>.
/// </summary>
/// <typeparam name="T">The resource class aggregated.</typeparam>
/// <typeparam name="TValue">The C# type of the aggregate's value.</typeparam>
public sealed class Aggregation<T, TValue>
    where T : class
{
    internal Aggregation(AggregateKind kind, LambdaExpression? field, bool distinct)
    {
        Kind = kind;
        Field = field;
        Distinct = distinct;
    }

    internal AggregateKind Kind { get; }

    /// <summary>The field or expression aggregated; null for counting records.</summary>
    internal LambdaExpression? Field { get; }

    internal bool Distinct { get; }
}
