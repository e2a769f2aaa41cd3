using System.Text.Json.Serialization;

namespace Ashlar.Postgres.Snapshots;

/// <summary>One version of a repo's own objects: the schemas, extensions and helper functions it creates.</summary>
internal sealed record RepoSnapshot
{
    public int Format { get; init; } = 1;

    public IReadOnlyList<string> Schemas { get; init; } = [];

    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Helper functions, left out when there are none so snapshots of repos without them stay as they were.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Functions { get; init; }
}
