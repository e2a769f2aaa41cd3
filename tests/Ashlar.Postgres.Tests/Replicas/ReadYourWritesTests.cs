using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Replicas.Model;
using Xunit;

namespace Ashlar.Postgres.Tests.Replicas;

/// <summary>
/// A replica applying each commit 1 s late: with read-your-writes a read after a write never sees the older row; without
/// it, the reads go to the replica and are stale. The 1,000-pair, 3 s version is <see cref="ReadYourWritesMeasurement"/>.
/// </summary>
public sealed class ReadYourWritesTests(DelayedLedgerReplicaFixture db) : IClassFixture<DelayedLedgerReplicaFixture>
{
    private const int Pairs = 50;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_a_scope_no_read_is_stale_and_without_one_reads_are()
    {
        await using var domain = db.CreateDomain();
        PairResult on;
        using (domain.Postgres().BeginReadYourWrites())
        {
            on = await WriteReadPairs.RunAsync(domain, Pairs, "scope on", Ct);
        }

        var off = await WriteReadPairs.RunAsync(domain, Pairs, "scope off", Ct);

        TestContext.Current.TestOutputHelper?.WriteLine($"1 s apply delay, read-your-writes on: {on}; off: {off}");
        Assert.Equal(0, on.Stale);
        Assert.Equal(Pairs, on.OnReplica + on.OnPrimary);
        Assert.True(off.Stale > 0, $"without read-your-writes no read was stale: {off}");
        Assert.Equal(Pairs, off.OnReplica);
    }

    [Fact]
    public async Task The_domain_wide_option_needs_no_scope()
    {
        await using var domain = db.CreateDomain(o => o.ReadYourWrites = true);

        var result = await WriteReadPairs.RunAsync(domain, 20, "domain option", Ct);

        Assert.Equal(0, result.Stale);
        Assert.True(domain.Postgres().ReadRouting.ReplicaBehind > 0, "the lagging replica was never found behind");
    }

    [Fact]
    public async Task A_write_committed_in_a_transaction_is_seen_by_the_next_read()
    {
        await using var domain = db.CreateDomain();
        var ledger = await domain.CreateAsync<Ledger>(new { Name = "transaction", Value = 0 }, cancellationToken: Ct);
        using var scope = domain.Postgres().BeginReadYourWrites();

        for (var i = 1; i <= 10; i++)
        {
            var value = i;
            await domain.TransactionAsync(async ct =>
            {
                var inside = await domain.GetAsync<Ledger>(ledger.Id, cancellationToken: ct);
                await domain.UpdateAsync(inside, new { Value = value }, cancellationToken: ct);
            }, Ct);

            Assert.Equal(value, (await domain.GetAsync<Ledger>(ledger.Id, cancellationToken: Ct)).Value);
        }
    }

    [Fact]
    public async Task A_scope_covers_only_its_own_flow_and_ends_when_disposed()
    {
        await using var domain = db.CreateDomain();
        var ledger = await domain.CreateAsync<Ledger>(new { Name = "ended", Value = 0 }, cancellationToken: Ct);
        await db.Replica.WaitForReplayAsync(Ct);
        using (domain.Postgres().BeginReadYourWrites())
        {
            ledger = await domain.UpdateAsync(ledger, new { Value = 1 }, cancellationToken: Ct);
        }

        // The scope ended: the read goes to the lagging replica and sees the row as it was.
        Assert.Equal(0, (await domain.GetAsync<Ledger>(ledger.Id, cancellationToken: Ct)).Value);
    }
}
