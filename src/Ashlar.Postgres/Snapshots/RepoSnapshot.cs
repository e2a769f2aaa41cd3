namespace Ashlar.Postgres.Snapshots;

/// <summary>One version of a repo's own objects: the schemas and extensions it creates.</summary>
internal sealed record RepoSnapshot
{
    public int Format { get; init; } = 1;

    public IReadOnlyList<string> Schemas { get; init; } = [];

    public IReadOnlyList<string> Extensions { get; init; } = [];
}
