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
    /// <c>Migrations</c> under the current directory by default.
    /// </summary>
    public string MigrationsDirectory { get; init; } = "Migrations";

    /// <summary>History table, lock timeout and checksum strictness for the runner.</summary>
    public MigrationRunnerOptions Runner { get; init; } = new();

    /// <summary>Where results go; the console by default.</summary>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>Where errors go; the console's error stream by default.</summary>
    public TextWriter Error { get; init; } = Console.Error;

    /// <summary>Where answers to questions (renames, drops) come from; null means not interactive.</summary>
    public TextReader? Input { get; init; }

    /// <summary>Receives the runner's log; when null, its information and warnings are written to <see cref="Output"/>.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
