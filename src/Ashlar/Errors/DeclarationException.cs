namespace Ashlar.Errors;

/// <summary>
/// A resource or domain declaration is wrong. Thrown when the domain is built, before any SQL runs;
/// the message names the resource, the option and the fix.
/// </summary>
public sealed class DeclarationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public DeclarationException(IReadOnlyList<DeclarationProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found while building the domain.</summary>
    public IReadOnlyList<DeclarationProblem> Problems { get; }

    private static string Describe(IReadOnlyList<DeclarationProblem> problems)
    {
        if (problems.Count == 1)
        {
            return problems[0].ToString();
        }

        // Root causes first; each problem that follows from one is listed after them, marked as such.
        var roots = problems.Where(p => p.CausedBy is null).ToList();
        var consequences = problems.Count - roots.Count;
        var heading = consequences == 0
            ? $"{problems.Count} problems in the declarations:"
            : $"{problems.Count} problems in the declarations ({consequences} of them follow from the others):";
        return heading + Environment.NewLine +
               string.Join(Environment.NewLine, roots.Concat(problems.Where(p => p.CausedBy is not null)).Select(p => "  - " + p));
    }
}
