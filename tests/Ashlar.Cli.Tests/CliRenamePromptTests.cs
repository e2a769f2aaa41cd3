using Xunit;

namespace Ashlar.Cli.Tests;

public sealed class CliRenamePromptTests
{
    [Fact]
    public void Flags_answer_rename_questions_without_asking()
    {
        var output = new StringWriter();

        Assert.True(new CliRenamePrompt(RenameAnswer.Yes, null, output).IsRename("column", "public.users.mail", "public.users.email"));
        Assert.False(new CliRenamePrompt(RenameAnswer.No, null, output).IsRename("column", "public.users.mail", "public.users.email"));
        Assert.True(new CliRenamePrompt(RenameAnswer.No, null, output).ConfirmDrop("public.legacy"));
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Without_a_terminal_or_a_flag_a_rename_is_not_guessed()
    {
        var prompt = new CliRenamePrompt(RenameAnswer.Ask, null, new StringWriter());

        var error = Assert.Throws<CliUsageException>(() => prompt.IsRename("table", "public.people", "public.users"));

        Assert.Contains("--yes", error.Message, StringComparison.Ordinal);
        Assert.Contains("--no-renames", error.Message, StringComparison.Ordinal);
        Assert.Contains("public.people", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_terminal_the_user_answers()
    {
        var output = new StringWriter();
        var prompt = new CliRenamePrompt(RenameAnswer.Ask, new StringReader("y\nno\n"), output);

        Assert.True(prompt.IsRename("column", "public.users.mail", "public.users.email"));
        Assert.False(prompt.ConfirmDrop("public.legacy"));
        Assert.Contains("Are you renaming column public.users.mail to public.users.email? [y/N]", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Drop the table public.legacy", output.ToString(), StringComparison.Ordinal);
    }
}
