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

    private static string Describe(IReadOnlyList<DeclarationProblem> problems) =>
        problems.Count == 1
            ? problems[0].ToString()
            : $"{problems.Count} problems in the declarations:{Environment.NewLine}" +
              string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
}
