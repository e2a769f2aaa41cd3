using System.Linq.Expressions;
using System.Text.Json;

namespace Ashlar.Queries;

/// <summary>One filter of a query, as given: a typed lambda or untrusted JSON input.</summary>
internal sealed record FilterSpec(LambdaExpression? Lambda, JsonElement? Input);
