namespace Ashlar.Postgres.Migrations.Generation;

/// <summary>Whether the declarations match the latest snapshots (the answer of <c>codegen --check</c>).</summary>
/// <param name="Differences">One line per difference; empty when everything matches.</param>
public sealed record CheckResult(IReadOnlyList<string> Differences)
{
    /// <summary>True when there is nothing to generate and no dev migration remains.</summary>
    public bool Ok => Differences.Count == 0;

    /// <summary>A message for the terminal.</summary>
    public override string ToString() => Ok
        ? "The migrations are up to date with the declarations."
        : "Codegen check failed; run codegen with a name:\n" + string.Join("\n", Differences.Select(d => "  " + d));
}
