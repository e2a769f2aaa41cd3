using System.Text.Json.Nodes;

namespace Ashlar.Postgres.Snapshots;

/// <summary>
/// What differs between two snapshot texts, as readable paths (<c>columns.title.max_length: 200 → 120</c>), so that a
/// failing check says what it found; lists of named items are matched by their <c>name</c>.
/// </summary>
internal static class SnapshotDiff
{
    private const int MaxLines = 10;

    public static IReadOnlyList<string> Describe(string before, string after)
    {
        var lines = new List<string>();
        Walk("", JsonNode.Parse(before), JsonNode.Parse(after), lines);
        return lines.Count <= MaxLines ? lines : [.. lines.Take(MaxLines), $"… and {lines.Count - MaxLines} more"];
    }

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<string> lines)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var key in b.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    Walk(Join(path, key), b[key], a[key], lines);
                }

                break;
            case (JsonArray b, JsonArray a) when Named(b) is { } bn && Named(a) is { } an:
                foreach (var name in bn.Keys.Union(an.Keys))
                {
                    var (was, now) = (bn.GetValueOrDefault(name), an.GetValueOrDefault(name));
                    if (was is null || now is null)
                    {
                        lines.Add($"{Join(path, name)}: {(was is null ? "declared, not in the snapshot" : "in the snapshot, no longer declared")}");
                    }
                    else
                    {
                        Walk(Join(path, name), was, now, lines);
                    }
                }

                break;
            default:
                lines.Add($"{path}: {Text(before)} → {Text(after)}");
                break;
        }
    }

    private static Dictionary<string, JsonNode>? Named(JsonArray array)
    {
        var named = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (item is not JsonObject o || o["name"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || !named.TryAdd(o["name"]!.GetValue<string>(), o))
            {
                return null;
            }
        }

        return named;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
