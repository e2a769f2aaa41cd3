using System.Diagnostics;
using Ashlar.Testing;
using HelpDesk;
using Xunit;

namespace Ashlar.Cli.Tests;

/// <summary>The README's first command: the sample app with no arguments runs the whole demo against a database.</summary>
public sealed class DemoProcessTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_demo_runs_to_the_end_and_every_error_it_provokes_is_refused_with_a_typed_error()
    {
        await HelpDeskServer.RequireAsync(db);
        var ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { typeof(HelpDeskDomain).Assembly.Location }, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["HELPDESK_DATABASE"] = db.ConnectionString;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct) + await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);

        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("tickets per status (one GROUP BY): Open 1, InProgress 1", output, StringComparison.Ordinal);
        Assert.Contains("untrusted JSON filter with an injection attempt as a value: 0 match(es)", output, StringComparison.Ordinal);
        Assert.Matches(@"soft destroy \(action archive sets archived_at\): ticket #\d+ shows 2 of its 3 stored comments", output);
        Assert.Contains("untrusted filter: InvalidException / InvalidFilterValue on Ticket.priority", output, StringComparison.Ordinal);
        Assert.Contains("Initech's assets: Core router (SN-100)", output, StringComparison.Ordinal);
        Assert.Contains("Globex's tickets (3): #1 Doomsday device hums, #2 Monorail is late, #3 Badge reader beeps", output, StringComparison.Ordinal);
        Assert.Contains("Initech's tickets (1): #1 TPS report cover sheets", output, StringComparison.Ordinal);
        Assert.Contains("Globex's ticket #3 read as Initech: InvalidException / NotFound on Ticket", output, StringComparison.Ordinal);
        Assert.Contains("tickets without a tenant: InvalidException / TenantRequired on Ticket", output, StringComparison.Ordinal);
        Assert.Matches(@"destroying Acme cascaded to its 2 users and dropped its schema with its \d+ tickets \(schema left: False\)", output);
        Assert.Contains("help_desk_repo: 2 tenants: 0 migrated, 2 up to date, 0 failed, 0 skipped", output, StringComparison.Ordinal);
        Assert.Contains("their schemas went with them (DropSchemaOnDestroy); 0 of the two left", output, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT refused", output, StringComparison.Ordinal);
        Assert.EndsWith("Done.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_replica_the_demo_reads_from_a_streaming_replica_and_shows_read_your_writes()
    {
        var baseBackup = Path.Combine(Ashlar.LocalCluster.PostgresBinaries.Locate().BinDirectory, OperatingSystem.IsWindows() ? "pg_basebackup.exe" : "pg_basebackup");
        Assert.SkipUnless(File.Exists(baseBackup), "needs pg_basebackup to make a replica (server-only binaries)");
        await HelpDeskServer.RequireAsync(db);
        var ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { typeof(HelpDeskDomain).Assembly.Location, "--replica" }, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("HELPDESK_DATABASE");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct) + await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);

        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("Started a streaming replica (pg_basebackup -R)", output, StringComparison.Ordinal);
        Assert.Matches(@"the demo's reads so far: [1-9]\d* on the replica", output);
        Assert.Contains("without read-your-writes: wrote a tag, read it back at once from the replica: 0 found (stale)", output, StringComparison.Ordinal);
        Assert.Contains("with read-your-writes (ReplicaOptions.ReadYourWrites): 1 found", output, StringComparison.Ordinal);
        Assert.Contains("caught up again: the next read went to the replica: True", output, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT refused", output, StringComparison.Ordinal);
        Assert.EndsWith("Done.", output.TrimEnd(), StringComparison.Ordinal);
    }
}
