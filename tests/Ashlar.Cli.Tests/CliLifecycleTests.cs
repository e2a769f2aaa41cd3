using Ashlar.Domains;
using Ashlar.Testing;
using HelpDesk.Resources;
using Npgsql;
using Xunit;

namespace Ashlar.Cli.Tests;

/// <summary>status on a missing file, remove, database create/drop, --help and where a relative folder is.</summary>
public sealed class CliLifecycleTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ashlar-cli-life-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private string RepoDirectory => Path.Combine(_root, "help_desk_repo");

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private Task<int> RunAsync(string? connectionString, params string[] args) =>
        AshlarCli.RunAsync(args, ReversibleHelpDesk(), new CliOptions
        {
            ConnectionString = connectionString,
            ContentRoot = _root,
            MigrationsDirectory = ".",
            Output = _out,
            Error = _err,
        }, TestContext.Current.CancellationToken);

    /// <summary>The sample without CannedReply, whose seed statement has no down, so its migration can be rolled back.</summary>
    private static DomainModel ReversibleHelpDesk() => DomainModel.Build("helpdesk", d => d
        .Resource<Organization>().Resource<User>().Resource<Ticket>().Resource<Comment>().Resource<Tag>().Resource<TicketTag>().Resource<OpenTicket>());

    private string[] Files() => Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Status_exits_1_naming_the_folder_when_an_applied_migration_has_no_file()
    {
        await HelpDeskServer.RequireAsync(db);
        var database = await PostgresServer.CreateDatabaseAsync("cli_missing", TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(0, await RunAsync(null, "codegen", "initial", "--allow-drops"));
            Assert.Equal(0, await RunAsync(database, "migrate"));
            Assert.Equal(0, await RunAsync(database, "status"));
            var migration = Assert.Single(Directory.GetFiles(RepoDirectory));
            File.Delete(migration);

            Assert.Equal(1, await RunAsync(database, "status"));

            Assert.Contains($"Migrations folder: {_root}", _out.ToString(), StringComparison.Ordinal);
            Assert.Contains($"missing  {Path.GetFileNameWithoutExtension(migration)}", _out.ToString(), StringComparison.Ordinal);
            Assert.Equal($"error: help_desk_repo: 1 applied migration has no file in {RepoDirectory}. Is that the application's migrations folder " +
                "(CliOptions.MigrationsDirectory, ContentRoot)? A published application needs the folder beside its executable.", _err.ToString().Trim());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Remove_deletes_the_newest_unapplied_migration_with_its_snapshots_and_refuses_an_applied_one()
    {
        await HelpDeskServer.RequireAsync(db);
        var database = await PostgresServer.CreateDatabaseAsync("cli_remove", TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(0, await RunAsync(null, "codegen", "initial", "--allow-drops"));
            var initial = Files();
            Assert.Equal(0, await RunAsync(database, "migrate"));

            Assert.Equal(1, await RunAsync(database, "remove"));
            Assert.Contains("_initial is applied on the database; run rollback first, then remove. Nothing was removed.", _err.ToString(), StringComparison.Ordinal);
            Assert.Equal(initial, Files());

            // The tickets' tenant migration is in its own folder, removed by remove --tenants: no tenant applied it (there
            // are no organizations yet, and their table must still exist to say so).
            Assert.Equal(0, await RunAsync(database, "remove", "--tenants"));
            Assert.Equal(0, await RunAsync(database, "rollback"));
            Assert.Equal(0, await RunAsync(database, "remove"));
            Assert.Empty(Files());
            Assert.Contains($"help_desk_repo: removed {RepoDirectory}{Path.DirectorySeparatorChar}", _out.ToString(), StringComparison.Ordinal);
            Assert.Equal(1, await RunAsync(null, "check"));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Remove_without_a_database_needs_force()
    {
        Assert.Equal(0, await RunAsync(null, "codegen", "initial", "--allow-drops"));

        Assert.Equal(1, await RunAsync(null, "remove"));
        Assert.NotEmpty(Files());
        Assert.Equal(0, await RunAsync(null, "remove", "--force"));
        Assert.Equal(0, await RunAsync(null, "remove", "--tenants", "--force"));
        Assert.Empty(Files());
    }

    [Fact]
    public async Task Database_create_and_drop_work_on_the_database_the_connection_string_names()
    {
        var name = PostgresServer.UniqueDatabaseName("cli_create");
        var connectionString = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = name, Pooling = false }.ConnectionString;

        Assert.Equal(0, await RunAsync(connectionString, "database", "create"));
        Assert.True(await ExistsAsync(name));
        Assert.Equal(0, await RunAsync(connectionString, "database", "create"));
        Assert.Contains($"Database {name} on", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("already exists; nothing to do.", _out.ToString(), StringComparison.Ordinal);

        Assert.Equal(1, await RunAsync(connectionString, "database", "drop"));
        Assert.Contains("database drop needs --yes without a terminal; nothing was dropped.", _err.ToString(), StringComparison.Ordinal);
        Assert.True(await ExistsAsync(name));
        Assert.Equal(0, await RunAsync(connectionString, "database", "drop", "--yes"));
        Assert.False(await ExistsAsync(name));
    }

    [Theory]
    [InlineData("codegen", "--allow-drops")]
    [InlineData("status", "--tenants")]
    [InlineData("remove", "--force")]
    [InlineData("database", "create")]
    public async Task Every_command_has_help(string command, string mentioned)
    {
        Assert.Equal(0, await RunAsync(null, command, "--help"));

        Assert.Contains(mentioned, _out.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _err.ToString());
    }

    [Fact]
    public void A_relative_folder_is_found_from_the_project_folder_the_build_recorded_not_the_current_directory()
    {
        var assembly = typeof(CliLifecycleTests).Assembly;
        var fromProject = CliPaths.MigrationsDirectory(new CliOptions(), assembly);

        Assert.Equal("Migrations", Path.GetFileName(fromProject));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(fromProject)!, "Ashlar.Cli.Tests.csproj")), fromProject);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Migrations"), CliPaths.MigrationsDirectory(new CliOptions(), entryAssembly: null));
        Assert.Equal(Path.Combine(_root, "db"), CliPaths.MigrationsDirectory(new CliOptions { ContentRoot = _root, MigrationsDirectory = "db" }, assembly));
        Assert.Equal("/elsewhere/Migrations", CliPaths.MigrationsDirectory(new CliOptions { MigrationsDirectory = "/elsewhere/Migrations" }, assembly));
    }

    [Fact]
    public void Questions_are_asked_only_of_a_console_that_is_a_terminal_unless_the_application_says_otherwise()
    {
        using var answers = new StringReader("y");

        Assert.Null(AshlarCli.Resolve(new CliOptions { Output = _out }, entryAssembly: null).Input);
        Assert.Same(answers, AshlarCli.Resolve(new CliOptions { Output = _out, Input = answers }, entryAssembly: null).Input);
        Assert.Null(AshlarCli.Resolve(new CliOptions { Output = _out, Input = answers, NonInteractive = true }, entryAssembly: null).Input);
        Assert.Equal(
            Console.IsInputRedirected || Console.IsOutputRedirected ? null : Console.In,
            AshlarCli.Resolve(new CliOptions(), entryAssembly: null).Input);
    }

    private async Task<bool> ExistsAsync(string name)
    {
        await using var command = db.DataSource.CreateCommand($"SELECT count(*) FROM pg_database WHERE datname = '{name}'");
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 1;
    }
}
