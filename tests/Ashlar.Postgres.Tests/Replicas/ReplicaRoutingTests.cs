using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Replicas.Model;
using Ashlar.Queries;
using Xunit;
using static Ashlar.Postgres.Tests.Replicas.LedgerReplicaFixture;

namespace Ashlar.Postgres.Tests.Replicas;

/// <summary>Reads go to a real streaming replica; writes, locking reads and transactions to the primary.</summary>
public sealed class ReplicaRoutingTests(LedgerReplicaFixture db) : IClassFixture<LedgerReplicaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_land_on_the_replica_and_writes_locks_and_transactions_on_the_primary()
    {
        await using var domain = db.CreateDomain();
        var servers = RecordServers(domain);

        var ledger = await domain.CreateAsync<Ledger>(new { Name = "routing", Value = 1 }, cancellationToken: Ct);
        await domain.CreateAsync<LedgerEntry>(new { Amount = 5, LedgerId = ledger.Id }, cancellationToken: Ct);
        Assert.Equal([false, false], Drain(servers));

        await db.Replica.WaitForReplayAsync(Ct);
        var read = await domain.GetAsync<Ledger>(ledger.Id, cancellationToken: Ct);
        var count = await domain.CountAsync(Query.For<Ledger>().Filter(l => l.Entries!.Any(e => e.Amount == 5)), cancellationToken: Ct);
        var loaded = await domain.ReadAsync(Query.For<Ledger>().Filter(l => l.Id == ledger.Id).Load(l => l.Entries).LoadAggregate(l => l.EntryCount), cancellationToken: Ct);
        Assert.Equal((1, 1L, 1, 1), (read.Value, count, Assert.Single(loaded).Entries!.Count, loaded[0].EntryCount));
        Assert.Equal([true, true, true, true], Drain(servers));

        var locked = await domain.ReadAsync(Query.For<Ledger>().Filter(l => l.Id == ledger.Id).Lock(), cancellationToken: Ct);
        Assert.Single(locked);
        Assert.Equal([false], Drain(servers));

        await domain.TransactionAsync(async ct =>
        {
            var inside = await domain.GetAsync<Ledger>(ledger.Id, cancellationToken: ct);
            await domain.UpdateAsync(inside, new { Value = 2 }, cancellationToken: ct);
        }, Ct);
        Assert.Equal([false, false], Drain(servers));

        var routing = domain.Postgres().ReadRouting;
        Assert.Equal((4L, 2L), (routing.ReadsOnReplica, routing.ReadsOnPrimary));
    }

    [Fact]
    public async Task A_load_into_a_resource_without_the_read_repo_is_its_own_statement_on_the_primary()
    {
        await using var domain = db.CreateDomain();
        var ledger = await domain.CreateAsync<Ledger>(new { Name = "audited", Value = 1 }, cancellationToken: Ct);
        await domain.CreateAsync<AuditLine>(new { Text = "opened", LedgerId = ledger.Id }, cancellationToken: Ct);
        await db.Replica.WaitForReplayAsync(Ct);
        var servers = RecordServers(domain);

        var loaded = await domain.ReadAsync(Query.For<Ledger>().Filter(l => l.Id == ledger.Id).Load(l => l.AuditLines), cancellationToken: Ct);

        Assert.Equal("opened", Assert.Single(Assert.Single(loaded).AuditLines!).Text);
        Assert.Equal([true, false], Drain(servers));
    }

    [Fact]
    public async Task A_filter_through_a_relationship_into_another_read_repo_is_refused_naming_both_and_the_fix()
    {
        await using var domain = db.CreateDomain();

        var error = await Assert.ThrowsAsync<InvalidException>(() =>
            domain.ReadAsync(Query.For<Ledger>().Filter(l => l.AuditLines!.Any(a => a.Text == "x")), cancellationToken: Ct));

        var reference = Assert.IsType<InvalidFilterReference>(Assert.Single(error.Errors));
        Assert.Equal("Ledger", reference.Resource);
        Assert.Contains("AuditLine (repo PrimaryRepo)", reference.Message, StringComparison.Ordinal);
        Assert.Contains("Ledger (repo PrimaryRepo, read repo ReplicaRepo)", reference.Message, StringComparison.Ordinal);
        Assert.Contains("load it instead", reference.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_lag_read_your_writes_still_lets_the_replica_serve_reads()
    {
        await using var domain = db.CreateDomain();
        var ledger = await domain.CreateAsync<Ledger>(new { Name = "no lag", Value = 0 }, cancellationToken: Ct);
        using var scope = domain.Postgres().BeginReadYourWrites();
        var stale = 0;
        const int pairs = 50;
        for (var i = 1; i <= pairs; i++)
        {
            ledger = await domain.UpdateAsync(ledger, new { Value = i }, cancellationToken: Ct);
            if ((await domain.GetAsync<Ledger>(ledger.Id, cancellationToken: Ct)).Value != i)
            {
                stale++;
            }
        }

        var routing = domain.Postgres().ReadRouting;
        TestContext.Current.SendDiagnosticMessage(
            $"no apply delay, read-your-writes on: {pairs} pairs, {stale} stale, {routing.ReadsOnReplica} on the replica, {routing.ReadsOnPrimary} on the primary");
        Assert.Equal(0, stale);
        Assert.Equal(pairs, routing.ReadsOnReplica + routing.ReadsOnPrimary);
        Assert.True(routing.ReadsOnReplica > 0, $"no read went to the replica ({routing.ReplicaBehind} found it behind)");
    }
}
