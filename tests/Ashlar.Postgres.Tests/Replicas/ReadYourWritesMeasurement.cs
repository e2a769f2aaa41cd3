using Ashlar.Postgres.DataLayer;
using Xunit;

namespace Ashlar.Postgres.Tests.Replicas;

/// <summary>
/// The full measurement (opt-in, about two minutes): a replica 3 s behind, 1,000 write → read pairs with read-your-writes
/// and 1,000 without. Run it with
/// <c>dotnet test --project tests/Ashlar.Postgres.Tests -- --filter-class '*ReadYourWritesMeasurement' --explicit only</c>.
/// The figures are in docs/repos-and-replicas.md.
/// </summary>
public sealed class ReadYourWritesMeasurement(ReadYourWritesMeasurement.Fixture db) : IClassFixture<ReadYourWritesMeasurement.Fixture>
{
    private const int Pairs = 1000;

    [Fact(Explicit = true)]
    public async Task Thousand_pairs_three_seconds_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var domain = db.CreateDomain();
        PairResult on;
        using (domain.Postgres().BeginReadYourWrites())
        {
            on = await WriteReadPairs.RunAsync(domain, Pairs, "measure on", ct);
        }

        var off = await WriteReadPairs.RunAsync(domain, Pairs, "measure off", ct);
        await db.Replica.SetApplyDelayAsync(TimeSpan.Zero, ct);
        await db.Replica.WaitForReplayAsync(ct);
        PairResult noDelay;
        using (domain.Postgres().BeginReadYourWrites())
        {
            noDelay = await WriteReadPairs.RunAsync(domain, Pairs, "measure no delay", ct);
        }

        var report = $"3 s apply delay, read-your-writes on: {on}\n3 s apply delay, off: {off}\nno apply delay, on: {noDelay}";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);
        Assert.Equal(0, on.Stale);
        Assert.Equal(0, noDelay.Stale);
        Assert.True(off.Stale > 0, report);
    }

    /// <summary>A ledger replica 3 s behind.</summary>
    public sealed class Fixture : LedgerReplicaFixture
    {
        protected override TimeSpan InitialApplyDelay => TimeSpan.FromSeconds(3);
    }
}
