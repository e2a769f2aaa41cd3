using System.Diagnostics;
using Ashlar.Testing;
using HelpDesk;
using Xunit;

namespace Ashlar.Cli.Tests;

/// <summary>Several deployers — separate OS processes of the sample app — run <c>migrate</c> on one database at once.</summary>
public sealed class DeployerProcessTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const int Deployers = 3;

    [Fact]
    public async Task Deployer_processes_started_together_apply_the_migrations_exactly_once()
    {
        await HelpDeskServer.RequireAsync(db);
        var ct = TestContext.Current.CancellationToken;
        var app = typeof(HelpDeskDomain).Assembly.Location;
        var processes = Enumerable.Range(0, Deployers).Select(_ =>
        {
            var start = new ProcessStartInfo("dotnet") { ArgumentList = { app, "migrate", "--lock-timeout", "30" }, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["HELPDESK_DATABASE"] = db.ConnectionString;
            return Process.Start(start)!;
        }).ToList();

        var outputs = await Task.WhenAll(processes.Select(async p =>
        {
            var output = await p.StandardOutput.ReadToEndAsync(ct);
            var error = await p.StandardError.ReadToEndAsync(ct);
            await p.WaitForExitAsync(ct);
            return (p.ExitCode, Output: output + error);
        }));
        processes.ForEach(p => p.Dispose());

        Assert.All(outputs, o => Assert.True(o.ExitCode == 0, o.Output));
        Assert.Single(outputs, o => o.Output.Contains("help_desk_repo: applied", StringComparison.Ordinal));
        Assert.Equal(Deployers - 1, outputs.Count(o => o.Output.Contains("help_desk_repo: up to date", StringComparison.Ordinal)));
        await using var command = db.DataSource.CreateCommand("SELECT count(*) = count(DISTINCT version) FROM ashlar_schema_migrations");
        Assert.True((bool)(await command.ExecuteScalarAsync(ct))!);
    }
}
