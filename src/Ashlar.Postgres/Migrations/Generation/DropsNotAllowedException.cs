namespace Ashlar.Postgres.Migrations.Generation;

/// <summary>
/// Code generation would drop tables or columns (losing their data) and nobody allowed it: there was no one to ask
/// and <see cref="MigrationGeneratorOptions.AllowDrops"/> (<c>--allow-drops</c>) was not set, or the prompt was told
/// to keep a column. Nothing was written; the message lists the drops and the ways on.
/// </summary>
public sealed class DropsNotAllowedException : InvalidOperationException
{
    /// <summary>Creates the exception for drops of one repo.</summary>
    /// <param name="repo">The repo's name.</param>
    /// <param name="drops">What would be dropped, e.g. <c>table public.tags</c>, <c>column public.posts.legacy</c>.</param>
    /// <param name="declined">True when the prompt declined them (columns), false when nobody could be asked.</param>
    public DropsNotAllowedException(string repo, IReadOnlyList<string> drops, bool declined)
        : base(Describe(repo, drops, declined))
    {
        Repo = repo;
        Drops = drops;
    }

    /// <summary>The repo whose migration would drop them.</summary>
    public string Repo { get; }

    /// <summary>What would be dropped, e.g. <c>table public.tags</c>, <c>column public.posts.legacy</c>.</summary>
    public IReadOnlyList<string> Drops { get; }

    private static string Describe(string repo, IReadOnlyList<string> drops, bool declined) =>
        (declined
            ? $"codegen stopped: you chose to keep {string.Join(", ", drops.Select(d => "column " + d))} in {repo}, but its attribute is gone. "
              + "Restore the attribute, or declare the new name with RenamedFrom(\"…\"), then run codegen again."
            : $"codegen would drop, losing their data: {string.Join("; ", drops)} (repo {repo}), and there is no one to ask. "
              + "Pass --allow-drops (MigrationGeneratorOptions.AllowDrops) to write the drops; or keep them: restore the resource or "
              + "attribute, declare a rename with RenamedFrom(\"…\"), or mark a resource whose table is managed elsewhere Migrate(false).")
        + " Nothing was written.";
}
