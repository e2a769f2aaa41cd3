using Ashlar.Postgres.Migrations;
using Ashlar.Testing;
using HelpDesk;
using Xunit;

namespace Ashlar.Cli.Tests;

public sealed class CliCommandTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ashlar-cli-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private Task<int> RunAsync(params string[] args) =>
        AshlarCli.RunAsync(args, HelpDeskDomain.Build(), new CliOptions
        {
            ConnectionString = db.ConnectionString,
            MigrationsDirectory = _root,
            Output = _out,
            Error = _err,
        }, TestContext.Current.CancellationToken);

    private void Write(string version, string name, string up, string down)
    {
        var directory = Path.Combine(_root, "help_desk_repo");
        Directory.CreateDirectory(directory);
        var migration = new MigrationFile { Version = version, Name = name, Up = [up], Down = [down] };
        File.WriteAllText(Path.Combine(directory, migration.FileName), migration.ToText());
    }

    [Fact]
    public async Task Migrate_status_and_rollback_work_from_the_command_line()
    {
        await HelpDeskServer.RequireAsync(db);
        Write("20260101000001", "create_cli_a", "CREATE TABLE cli_a (id int)", "DROP TABLE cli_a");
        Write("20260101000002", "create_cli_b", "CREATE TABLE cli_b (id int)", "DROP TABLE cli_b");

        Assert.Equal(0, await RunAsync("migrate"));
        Assert.Contains("help_desk_repo: applied 2 migration(s): 20260101000001_create_cli_a.sql, 20260101000002_create_cli_b.sql.", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await RunAsync("rollback"));
        Assert.Contains("rolled back 1 migration(s): 20260101000002_create_cli_b.sql", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await RunAsync("status"));
        Assert.Contains("applied  20260101000001_create_cli_a", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("pending  20260101000002_create_cli_b", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 applied, 1 pending.", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await RunAsync("rollback", "--to", "0"));
        Assert.Equal(0, await RunAsync("migrate"));
        Assert.Equal(0, await RunAsync("migrate"));
        Assert.Contains("help_desk_repo: up to date, nothing to apply.", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _err.ToString());
    }

    [Fact]
    public async Task Migrate_refuses_a_server_older_than_the_repo_minimum_naming_both_versions()
    {
        var directory = Path.Combine(_root, "future_repo");
        Directory.CreateDirectory(directory);
        var migration = new MigrationFile { Version = "20260101000201", Name = "create_cli_future", Up = ["CREATE TABLE cli_future (id int)"], Down = ["DROP TABLE cli_future"] };
        File.WriteAllText(Path.Combine(directory, migration.FileName), migration.ToText());

        var exit = await AshlarCli.RunAsync(["migrate"], Ashlar.Domains.DomainModel.Build("future", d => d.Resource<Future.Probe>()), new CliOptions
        {
            ConnectionString = db.ConnectionString,
            MigrationsDirectory = _root,
            Output = _out,
            Error = _err,
        }, TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Matches(@"^error: the server runs PostgreSQL \d+\.\d+, older than the PostgreSQL 99\.0 that the repo FutureRepo declares as its MinPostgresVersion", _err.ToString());
        Assert.DoesNotContain("applied", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_migration_exits_1_naming_the_file_and_statement()
    {
        await HelpDeskServer.RequireAsync(db);
        Write("20260101000101", "bad", "CREATE TABLE cli_bad (id nonexistent_type)", "DROP TABLE cli_bad");

        var exit = await RunAsync("migrate");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: Migration 20260101000101_bad.sql failed at up statement 1 (CREATE TABLE cli_bad (id nonexistent_type))", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_connection_string_the_command_says_where_to_set_one()
    {
        var exit = await AshlarCli.RunAsync(["status"], HelpDeskDomain.Build(), new CliOptions
        {
            ConnectionStringSource = "HELPDESK_DATABASE",
            MigrationsDirectory = _root,
            Output = _out,
            Error = _err,
        }, TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Equal("No database connection string (set HELPDESK_DATABASE).", _err.ToString().Trim());
    }
}
