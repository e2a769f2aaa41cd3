namespace Ashlar.Docs.Tests;

/// <summary>A ```csharp block of a Markdown page: its text, the words after "csharp" and the line of its first code line.</summary>
public sealed record DocSnippet(string Page, int Line, string Info, string Code)
{
    /// <summary>Every ```csharp block of <paramref name="markdown"/>, in order.</summary>
    public static IReadOnlyList<DocSnippet> Extract(string page, string markdown)
    {
        var snippets = new List<DocSnippet>();
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimEnd('\r');
            if (!fence.StartsWith("```csharp", StringComparison.Ordinal))
            {
                continue;
            }

            var info = fence["```csharp".Length..].Trim();
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimEnd('\r').StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            snippets.Add(new DocSnippet(page, start + 1, info, string.Join('\n', lines[start..end].Select(l => l.TrimEnd('\r')))));
            i = end;
        }

        return snippets;
    }

    /// <summary>The resource whose <c>Define</c> the block's statements are in (<c>define=Name</c>), if it says so.</summary>
    public string? DefinedResource =>
        Info.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.StartsWith("define=", StringComparison.Ordinal) ? w["define=".Length..] : null)
            .FirstOrDefault(w => w is not null);
}
