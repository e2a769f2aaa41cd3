using System.Linq.Expressions;

namespace Ashlar.Queries;

/// <summary>One sort key of a query, as declared.</summary>
internal sealed record SortSpec(LambdaExpression Field, bool Descending);
