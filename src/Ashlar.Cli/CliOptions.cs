using Ashlar.Postgres.Migrations.Running;
using Microsoft.Extensions.Logging;

namespace Ashlar.Cli;

/// <summary>What the application tells the command line: where its database and its migration files are.</summary>
public sealed record CliOptions
{
    /// <summary>The database the commands work on, or null when the application has none configured.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// Where the connection string comes from, named in messages, e.g. <c>HELPDESK_DATABASE</c>; null says nothing.
    /// </summary>
    public string? ConnectionStringSource { get; init; }

    /// <summary>
    /// When true and <see cref="ConnectionString"/> is null, <c>migrate</c>, <c>rollback</c> and <c>status</c> run
    /// against a throwaway PostgreSQL that is removed when the command ends — for demos and tests only.
    /// </summary>
    public bool UseTemporaryClusterWithoutConnection { get; init; }

    /// <summary>
    /// The application's migrations folder; each repo's files live in a subfolder named after the repo.
    /// <c>Migrations</c> by default. A relative folder is resolved against <see cref="ContentRoot"/>, never against the
    /// current directory; every command prints the absolute folder it uses.
    /// </summary>
    public string MigrationsDirectory { get; init; } = "Migrations";

    /// <summary>
    /// What a relative <see cref="MigrationsDirectory"/> is relative to. Null (the default) means: the project folder
    /// while it exists, as recorded at build time by the <c>Ashlar.Cli</c> package (so <c>dotnet run -- codegen</c>
    /// writes into the source tree), else the folder of the executable (<see cref="AppContext.BaseDirectory"/>, where
    /// <c>dotnet publish</c> copies the migrations).
    /// </summary>
    public string? ContentRoot { get; init; }

    /// <summary>History table, lock timeout and checksum strictness for the runner.</summary>
    public MigrationRunnerOptions Runner { get; init; } = new();

    /// <summary>Where results go; the console by default.</summary>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>Where errors go; the console's error stream by default.</summary>
    public TextWriter Error { get; init; } = Console.Error;

    /// <summary>
    /// Where answers to questions (renames, drops) come from. Null (the default) means the console when both the input
    /// and <see cref="Output"/> are a terminal, and no questions otherwise (redirected, CI): then codegen needs
    /// <c>--yes</c>/<c>--no-renames</c>/<c>--allow-drops</c> instead of asking.
    /// </summary>
    public TextReader? Input { get; init; }

    /// <summary>True to never ask, even on a terminal, as when the input is redirected.</summary>
    public bool NonInteractive { get; init; }

    /// <summary>Receives the runner's log; when null, its information and warnings are written to <see cref="Output"/>.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
