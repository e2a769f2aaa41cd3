using Ashlar.Postgres.Migrations.Diffing;

namespace Ashlar.Cli;

/// <summary>
/// Answers the generator's rename questions from the flags (<c>--yes</c>, <c>--no-renames</c>) or, when interactive,
/// from the user; a non-interactive run with neither flag refuses to guess a rename. Drops are asked only on a terminal;
/// without one the generator needs <c>--allow-drops</c>.
/// </summary>
internal sealed class CliRenamePrompt(RenameAnswer answer, TextReader? input, TextWriter output) : IRenamePrompt
{
    public bool CanConfirmDrops => input is not null;

    public bool IsRename(string kind, string from, string to) => answer switch
    {
        RenameAnswer.Yes => true,
        RenameAnswer.No => false,
        _ when input is null => throw new CliUsageException(
            $"Is the {kind} {from} renamed to {to}? codegen cannot ask (no terminal): pass --yes (rename) or --no-renames " +
            "(drop and add), or declare RenamedFrom(\"…\") on the resource or attribute."),
        _ => Ask($"Are you renaming {kind} {from} to {to}? [y/N] "),
    };

    public bool ConfirmDrop(string table) =>
        input is not null && Ask($"The resource for {table} is gone. Drop the table {table} (its rows are lost)? [y/N] ");

    public bool ConfirmColumnDrop(string column) =>
        input is not null && Ask($"The attribute for {column} is gone. Drop the column {column} (its values are lost)? [y/N] ");

    private bool Ask(string question)
    {
        output.Write(question);
        output.Flush();
        var reply = input!.ReadLine()?.Trim();
        return reply is not null && (reply.Equals("y", StringComparison.OrdinalIgnoreCase) || reply.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }
}
