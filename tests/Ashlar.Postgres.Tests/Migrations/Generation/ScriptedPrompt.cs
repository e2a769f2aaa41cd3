using Ashlar.Postgres.Migrations.Diffing;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

/// <summary>A prompt with fixed answers that records the questions it was asked.</summary>
internal sealed class ScriptedPrompt(bool rename, bool drop, bool canConfirmDrops = true) : IRenamePrompt
{
    public List<string> Questions { get; } = [];

    public bool CanConfirmDrops => canConfirmDrops;

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

    public bool ConfirmColumnDrop(string column)
    {
        Questions.Add($"drop column {column}?");
        return drop;
    }
}
