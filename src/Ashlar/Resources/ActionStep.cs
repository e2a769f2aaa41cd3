using Ashlar.Actions;

namespace Ashlar.Resources;

/// <summary>A change or validation of an action over <typeparamref name="T"/>, with its condition and declared fields.</summary>
internal sealed class ActionStep<T> : IActionStep
    where T : class
{
    private readonly Func<Changeset<T>, CancellationToken, ValueTask> _run;
    private readonly Func<Changeset<T>, bool>? _where;
    private readonly Func<Changeset<T>, CancellationToken, ValueTask>? _atomic;

    public ActionStep(bool isValidation, string description, IEnumerable<string> reads, IEnumerable<string> sets,
        Func<Changeset<T>, CancellationToken, ValueTask> run, Func<Changeset<T>, bool>? where, bool perRow = false,
        Func<Changeset<T>, CancellationToken, ValueTask>? atomic = null, string? queryWriteRefusal = null)
    {
        _atomic = atomic;
        QueryWriteRefusal = where is not null
            ? "has a where: condition, which reads the changeset in memory; declare an action without it for writes by query"
            : queryWriteRefusal;
        PerRow = perRow;
        IsValidation = isValidation;
        Description = description;
        Reads = reads.ToList();
        Sets = sets.ToList();
        _run = run;
        _where = where;
    }

    public bool IsValidation { get; }

    public string Description { get; }

    public bool PerRow { get; }

    public string? QueryWriteRefusal { get; }

    public IEnumerable<string> Reads { get; }

    public IEnumerable<string> Sets { get; }

    public ValueTask RunAsync(IChangesetCore changeset, CancellationToken cancellationToken)
    {
        var typed = Changeset<T>.Of(changeset);
        if (_where is not null && !_where(typed))
        {
            return ValueTask.CompletedTask;
        }

        return _atomic is not null && changeset.PrefersAtomic ? _atomic(typed, cancellationToken) : _run(typed, cancellationToken);
    }
}
