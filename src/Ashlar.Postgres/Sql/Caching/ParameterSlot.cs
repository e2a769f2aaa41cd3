using Ashlar.Expressions;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Caching;

/// <summary>
/// Where a parameter's value comes from: <see cref="Rebind"/> applied to the query node <see cref="Source"/>, then
/// converted for <see cref="Type"/>; with no source, a constant of the query shape (a declared default).
/// </summary>
internal readonly record struct ParameterSlot(Expr? Source, AttributeType? Type, Func<Expr, object?>? Rebind);
