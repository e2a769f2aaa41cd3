using Ashlar.Testing;
using HelpDesk;
using Xunit;

namespace Ashlar.Cli.Tests;

public sealed class CodegenCommandTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ashlar-codegen-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private string RepoDirectory => Path.Combine(_root, "help_desk_repo");

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private async Task<int> RunAsync(params string[] args)
    {
        var exit = await AshlarCli.RunAsync(args, HelpDeskDomain.Build(), new CliOptions
        {
            ConnectionString = db.ConnectionString,
            MigrationsDirectory = _root,
            Output = _out,
            Error = _err,
        }, TestContext.Current.CancellationToken);
        Assert.True(exit == 0 || args[0] == "check", $"{string.Join(' ', args)} exited {exit}: {_err}");
        return exit;
    }

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
        await RunAsync("codegen", "--dev");
        await RunAsync("migrate");
        var dev = Assert.Single(Directory.GetFiles(RepoDirectory));
        Assert.True(await TableExistsAsync("helpdesk.tickets"));
        Assert.Equal(1, await RunAsync("check"));
        Assert.Contains("dev file", _err.ToString(), StringComparison.Ordinal);

        await RunAsync("codegen", "initial_schema");

        Assert.Contains($"rolled back 1 dev migration(s): {Path.GetFileName(dev)}", _out.ToString(), StringComparison.Ordinal);
        Assert.False(await TableExistsAsync("helpdesk.tickets"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM ashlar_schema_migrations"));
        var named = Assert.Single(Directory.GetFiles(RepoDirectory));
        Assert.EndsWith("_initial_schema.sql", named, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(_root, "Snapshots"), "*", SearchOption.AllDirectories), f => f.EndsWith("_dev.json", StringComparison.Ordinal));

        await RunAsync("migrate");
        Assert.Equal(0, await RunAsync("check"));
        await RunAsync("codegen", "nothing_new");

        Assert.True(await TableExistsAsync("helpdesk.tickets"));
        Assert.Contains("No changes detected", _out.ToString(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(RepoDirectory));
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
        Assert.Contains("would write help_desk_repo/", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("-- ashlar:up", _out.ToString(), StringComparison.Ordinal);
    }
}
