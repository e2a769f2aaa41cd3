using Ashlar.Errors;

namespace Ashlar.Bulk;

/// <summary>What a bulk operation did: how many rows it wrote, the records when asked for, and every error by input.</summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed class BulkResult<T>
    where T : class
{
    internal BulkResult(long written, IReadOnlyList<T> records, IReadOnlyList<BulkError> errors, IReadOnlyList<int> skipped, bool anyWritten)
    {
        Written = written;
        Records = records;
        Errors = errors;
        Skipped = skipped;
        Status = errors.Count == 0 ? BulkStatus.Success : anyWritten ? BulkStatus.PartialSuccess : BulkStatus.Error;
    }

    /// <summary>How the operation ended.</summary>
    public BulkStatus Status { get; }

    /// <summary>How many rows were inserted (or, for an upsert, inserted or updated) and committed.</summary>
    public long Written { get; }

    /// <summary>The records as stored, in input order; empty unless <c>ReturnRecords</c> was set.</summary>
    public IReadOnlyList<T> Records { get; }

    /// <summary>The inputs that were not written, with their typed errors, in input order.</summary>
    public IReadOnlyList<BulkError> Errors { get; }

    /// <summary>For an upsert with <c>ReturnSkipped</c>: the input positions whose existing row was kept as it was.</summary>
    public IReadOnlyList<int> Skipped { get; }

    /// <summary>Throws the errors, each message prefixed by its input position, when there are any.</summary>
    /// <exception cref="AshlarException">Some input was not written.</exception>
    public BulkResult<T> ThrowIfFailed()
    {
        if (Errors.Count == 0)
        {
            return this;
        }

        var errors = new List<AshlarError>();
        foreach (var error in Errors)
        {
            var where = error.Count == 1 ? $"input {error.Index}" : $"inputs {error.Index}..{error.Index + error.Count - 1}";
            errors.AddRange(error.Errors.Select(x => x with { Message = $"{x.Message} ({where})" }));
        }

        throw AshlarException.From(errors);
    }
}
