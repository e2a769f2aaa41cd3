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
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Without_a_terminal_no_drop_is_confirmed_so_the_generator_needs_allow_drops()
    {
        var prompt = new CliRenamePrompt(RenameAnswer.Yes, null, new StringWriter());

        Assert.False(prompt.CanConfirmDrops);
        Assert.False(prompt.ConfirmDrop("public.legacy"));
        Assert.False(prompt.ConfirmColumnDrop("public.posts.legacy"));
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
    public void In_a_terminal_the_user_answers_each_drop_even_when_renames_are_answered_by_a_flag()
    {
        var output = new StringWriter();
        var prompt = new CliRenamePrompt(RenameAnswer.Yes, new StringReader("no\nyes\n"), output);

        Assert.True(prompt.CanConfirmDrops);
        Assert.True(prompt.IsRename("column", "public.users.mail", "public.users.email"));
        Assert.False(prompt.ConfirmDrop("public.legacy"));
        Assert.True(prompt.ConfirmColumnDrop("public.posts.legacy"));
        Assert.Contains("Drop the column public.posts.legacy", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Drop the table public.legacy", output.ToString(), StringComparison.Ordinal);
    }
}
