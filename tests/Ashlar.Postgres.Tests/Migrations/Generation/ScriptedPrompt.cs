using Ashlar.Postgres.Migrations.Generation;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

/// <summary>A prompt with fixed answers that records the questions it was asked.</summary>
internal sealed class ScriptedPrompt(bool rename, bool drop) : IRenamePrompt
{
    public List<string> Questions { get; } = [];

    public bool IsRename(string kind, string from, string to)
    {
        Questions.Add($"rename {kind} {from} -> {to}?");
        return rename;
    }

    public bool ConfirmDrop(string table)
    {
        Questions.Add($"drop {table}?");
        return drop;
    }
}
