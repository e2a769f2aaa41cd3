namespace Ashlar.Actions;

/// <summary>One change or validation of an action, run in declaration order on a changeset.</summary>
internal interface IActionStep
{
    /// <summary>True for a validation: it still runs when earlier input was invalid, so every failure is reported together.</summary>
    bool IsValidation { get; }

    /// <summary>The attributes or arguments the step reads, checked when the domain is built.</summary>
    IEnumerable<string> Reads { get; }

    /// <summary>The attributes the step sets, checked when the domain is built.</summary>
    IEnumerable<string> Sets { get; }

    /// <summary>
    /// True when the step needs nothing but the input row (no hooks, other records or custom changes), so bulk create
    /// can run it on each input before the batch is sent.
    /// </summary>
    bool PerRow { get; }

    /// <summary>
    /// Why an update or destroy by query cannot run the step (it reads the record in memory, writes other records, or
    /// is a hook), with the fix; null when it can.
    /// </summary>
    string? QueryWriteRefusal { get; }

    /// <summary>What the step is, for build errors: <c>validation present(title)</c>.</summary>
    string Description { get; }

    ValueTask RunAsync(IChangesetCore changeset, CancellationToken cancellationToken);
}
