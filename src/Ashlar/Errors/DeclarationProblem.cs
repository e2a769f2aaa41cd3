namespace Ashlar.Errors;

/// <summary>One problem in a declaration: where it is, what is wrong, and how to fix it.</summary>
/// <param name="Resource">The resource whose declaration is wrong (or the domain's name).</param>
/// <param name="Option">The option or element that is wrong, e.g. <c>attribute title</c>.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Fix">What to change.</param>
public sealed record DeclarationProblem(string Resource, string Option, string Problem, string Fix)
{
    /// <summary>
    /// The problem this one follows from (e.g. a reference to a relationship that could not be declared), or null for
    /// a root cause. Fixing the cause usually makes this one go away.
    /// </summary>
    public DeclarationProblem? CausedBy { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        CausedBy is { } cause
            ? $"{Resource}, {Option}: {Problem} (follows from {cause.Resource}, {cause.Option}: fix that first)"
            : $"{Resource}, {Option}: {Problem}. Fix: {Fix}";
}
