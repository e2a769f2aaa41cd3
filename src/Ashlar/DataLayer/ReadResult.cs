using System.Diagnostics.CodeAnalysis;

namespace Ashlar.DataLayer;

/// <summary>
/// The records a read returned, each with its values of the plan's sort expressions, as the data layer computed them
/// (related fields, aggregates, calculations and expressions alike): keyset pages build their cursors from them.
/// Immutable.
/// </summary>
/// <typeparam name="T">The resource class.</typeparam>
/// <param name="Records">The records, in sort order.</param>
/// <param name="SortValues">
/// For each record (at the same index), the values of <see cref="ReadPlan.Sort"/>'s expressions, in the sort's order.
/// </param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record ReadResult<T>(IReadOnlyList<T> Records, IReadOnlyList<IReadOnlyList<object?>> SortValues);
