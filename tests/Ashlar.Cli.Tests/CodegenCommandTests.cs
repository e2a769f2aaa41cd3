using Ashlar.Domains;
using Ashlar.Testing;
using HelpDesk;
using HelpDesk.Resources;
using Xunit;

namespace Ashlar.Cli.Tests;

public sealed class CodegenCommandTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ashlar-codegen-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private string RepoDirectory => Path.Combine(_root, "help_desk_repo");

    /// <summary>
    /// The sample without <see cref="CannedReply"/>, whose seed statement has no down: a dev migration holding it could
    /// not be rolled back, so the squash is shown on the rest of the sample (and its refusal on the whole sample below).
    /// </summary>
    private static DomainModel ReversibleHelpDesk() => DomainModel.Build("helpdesk", d => d
        .Resource<Organization>().Resource<User>().Resource<Ticket>().Resource<Comment>().Resource<Tag>().Resource<TicketTag>().Resource<OpenTicket>());

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private async Task<int> RunAsync(params string[] args)
    {
        var exit = await RunAsync(ReversibleHelpDesk(), db.ConnectionString, args);
        Assert.True(exit == 0 || args[0] == "check", $"{string.Join(' ', args)} exited {exit}: {_err}");
        return exit;
    }

    private Task<int> RunAsync(DomainModel domain, string connectionString, params string[] args) =>
        AshlarCli.RunAsync(args, domain, new CliOptions
        {
            ConnectionString = connectionString,
            MigrationsDirectory = _root,
            Output = _out,
            Error = _err,
        }, TestContext.Current.CancellationToken);

    private Task<bool> TableExistsAsync(string table) =>
        ScalarAsync<bool>($"SELECT to_regclass('{table}') IS NOT NULL");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task A_named_codegen_rolls_back_the_applied_dev_migrations_and_squashes_them_into_one()
    {
        await HelpDeskServer.RequireAsync(db);
        await RunAsync("codegen", "--dev");
        await RunAsync("migrate");
        var dev = Assert.Single(Directory.GetFiles(RepoDirectory));
        Assert.True(await TableExistsAsync("helpdesk.users"));
        Assert.Equal(1, await RunAsync("check"));
        Assert.Contains("dev file", _err.ToString(), StringComparison.Ordinal);

        await RunAsync("codegen", "initial_schema");

        Assert.Contains($"rolled back 1 dev migration(s): {Path.GetFileName(dev)}", _out.ToString(), StringComparison.Ordinal);
        Assert.False(await TableExistsAsync("helpdesk.users"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM ashlar_schema_migrations"));
        var named = Assert.Single(Directory.GetFiles(RepoDirectory));
        Assert.EndsWith("_initial_schema.sql", named, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(_root, "Snapshots"), "*", SearchOption.AllDirectories), f => f.EndsWith("_dev.json", StringComparison.Ordinal));

        await RunAsync("migrate");
        Assert.Equal(0, await RunAsync("check"));
        await RunAsync("codegen", "nothing_new");

        Assert.True(await TableExistsAsync("helpdesk.users"));
        Assert.Contains("No changes detected", _out.ToString(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(RepoDirectory));
    }

    [Fact]
    public async Task A_named_codegen_refuses_to_squash_an_applied_dev_migration_that_cannot_be_rolled_back()
    {
        await HelpDeskServer.RequireAsync(db);
        var sample = HelpDeskDomain.Build();
        var database = await PostgresServer.CreateDatabaseAsync("irreversible_dev", TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(0, await RunAsync(sample, database, "codegen", "--dev"));
            Assert.Equal(0, await RunAsync(sample, database, "migrate"));
            var dev = Assert.Single(Directory.GetFiles(RepoDirectory));

            Assert.Equal(1, await RunAsync(sample, database, "codegen", "initial_schema"));

            Assert.Contains($"Cannot roll back {Path.GetFileName(dev)}: it is irreversible (statement statement_", _err.ToString(), StringComparison.Ordinal);
            Assert.Contains("on helpdesk.canned_replies declares no down). Nothing was rolled back.", _err.ToString(), StringComparison.Ordinal);
            Assert.Equal(dev, Assert.Single(Directory.GetFiles(RepoDirectory)));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_dry_run_prints_the_migration_and_writes_nothing()
    {
        var root = Path.Combine(_root, "dry");
        var exit = await AshlarCli.RunAsync(["codegen", "first", "--dry-run"], HelpDeskDomain.Build(), new CliOptions
        {
            MigrationsDirectory = root,
            Output = _out,
            Error = _err,
        }, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.False(Directory.Exists(root));
        Assert.Contains($"would write {Path.Combine(root, "help_desk_repo")}/", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("-- ashlar:up", _out.ToString(), StringComparison.Ordinal);
    }
}
