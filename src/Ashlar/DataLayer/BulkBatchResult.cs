using System.Diagnostics.CodeAnalysis;

namespace Ashlar.DataLayer;

/// <summary>What one batch of a bulk insert wrote.</summary>
/// <typeparam name="T">The resource class.</typeparam>
/// <param name="Written">Rows inserted (or, for an upsert, inserted or updated).</param>
/// <param name="Records">
/// The records as stored, in the order of the batch's rows, when the plan asked for them; an upsert leaves out rows
/// it skipped.
/// </param>
/// <param name="Skipped">For an upsert asked to report them: the positions, within the batch, of the rows it skipped.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record BulkBatchResult<T>(long Written, IReadOnlyList<T> Records, IReadOnlyList<int> Skipped)
    where T : class;
