using System.Collections.Immutable;
using System.Linq.Expressions;
using Ashlar.DataLayer;

namespace Ashlar.Queries;

public sealed partial record Query<T> : IReadQuery
{
    ImmutableList<FilterSpec> IReadQuery.Filters => Filters;

    ImmutableList<SortSpec> IReadQuery.Sorts => Sorts;

    int? IReadQuery.LimitValue => LimitValue;

    int? IReadQuery.OffsetValue => OffsetValue;

    string? IReadQuery.ActionName => ActionName;

    ImmutableList<LoadSpec> IReadQuery.Loads => Loads;

    ImmutableList<LambdaExpression> IReadQuery.SelectFields => SelectFields;

    ImmutableList<LambdaExpression> IReadQuery.DistinctFields => DistinctFields;

    ImmutableList<LambdaExpression> IReadQuery.AggregateFields => AggregateFields;

    ReadLock? IReadQuery.LockValue => LockValue;

    ImmutableList<(LambdaExpression Field, object? Arguments)> IReadQuery.CalculationFields => CalculationFields;
}
