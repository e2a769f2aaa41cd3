using System.Collections.Immutable;
using System.Linq.Expressions;
using Ashlar.DataLayer;

namespace Ashlar.Queries;

/// <summary>
/// What the <see cref="QueryPlanner"/> reads of a query, whatever record class it is over: a nested load's query is
/// planned through it, so a query stays data and carries no code of the stage that plans it.
/// </summary>
internal interface IReadQuery
{
    ImmutableList<FilterSpec> Filters { get; }

    ImmutableList<SortSpec> Sorts { get; }

    int? LimitValue { get; }

    int? OffsetValue { get; }

    string? ActionName { get; }

    ImmutableList<LoadSpec> Loads { get; }

    ImmutableList<LambdaExpression> SelectFields { get; }

    ImmutableList<LambdaExpression> DistinctFields { get; }

    ImmutableList<LambdaExpression> AggregateFields { get; }

    ReadLock? LockValue { get; }

    ImmutableList<(LambdaExpression Field, object? Arguments)> CalculationFields { get; }
}
