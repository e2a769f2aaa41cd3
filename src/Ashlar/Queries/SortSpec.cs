using System.Linq.Expressions;

namespace Ashlar.Queries;

/// <summary>One sort key of a query, as declared: a typed lambda, or an untrusted sort string.</summary>
internal sealed record SortSpec(LambdaExpression? Field, bool Descending)
{
    public bool? NullsFirst { get; init; }

    public string? Input { get; init; }
}
