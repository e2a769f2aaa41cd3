namespace Ashlar.Postgres.Migrations.Generation;

/// <summary>What one code generation run did, per repo.</summary>
public sealed record GenerationResult
{
    /// <summary>The message when no repo has a change.</summary>
    public const string NoChanges = "No changes detected";

    /// <summary>One entry per repo of the domain.</summary>
    public IReadOnlyList<RepoGeneration> Repos { get; init; } = [];

    /// <summary>True when at least one migration was generated.</summary>
    public bool HasChanges => Repos.Any(r => r.Migrations.Count > 0);

    /// <summary>
    /// A line per generated migration, or <see cref="NoChanges"/>; then a line naming the tables left alone because
    /// their resources have migrations turned off, when there are any.
    /// </summary>
    public string Summary
    {
        get
        {
            var lines = HasChanges
                ? Repos.SelectMany(r => r.Migrations.Select(m => $"{r.Repo}: {m.FileName} ({m.Up.Count} {(m.Up.Count == 1 ? "statement" : "statements")})")).ToList()
                : Repos.Any(r => r.Written.Count > 0)
                    ? new List<string> { $"No schema changes, so no migration; the snapshots were updated to match the declarations: {string.Join(", ", Repos.SelectMany(r => r.Written))}" }
                    : new List<string> { NoChanges };
            var skipped = Repos.SelectMany(r => r.Skipped.Select(t => $"{r.Repo}: {t}")).ToList();
            if (skipped.Count > 0)
            {
                lines.Add(skipped.Count == 1
                    ? $"1 resource has migrations turned off and was skipped (its table is left alone): {skipped[0]}"
                    : $"{skipped.Count} resources have migrations turned off and were skipped (their tables are left alone): {string.Join(", ", skipped)}");
            }

            return string.Join("\n", lines);
        }
    }
}
