using Ashlar.Testing;
using HelpDesk.Resources;
using Xunit;

namespace Ashlar.Cli.Tests;

/// <summary>What the help desk sample asks of the test server: its repo's minimum version (for <c>NULLS NOT DISTINCT</c>).</summary>
internal static class HelpDeskServer
{
    /// <summary>Skips the running test, with the reason, on a server older than <see cref="HelpDeskRepo.MinPostgresVersion"/>.</summary>
    public static Task RequireAsync(DatabaseFixture db) =>
        ServerVersion.RequireAsync(db.DataSource, new HelpDeskRepo().MinPostgresVersion.Major,
            "NULLS NOT DISTINCT; the help desk's HelpDeskRepo.MinPostgresVersion", TestContext.Current.CancellationToken);
}
