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

    /// <summary>A line per generated migration, or <see cref="NoChanges"/>.</summary>
    public string Summary => HasChanges
        ? string.Join("\n", Repos.SelectMany(r => r.Migrations.Select(m => $"{r.Repo}: {m.FileName} ({m.Up.Count} statements)")))
        : NoChanges;
}
