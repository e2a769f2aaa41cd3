using System.Diagnostics;
using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Replicas;
using Ashlar.Postgres.Tests.Replicas.Model;
using Xunit;

namespace Ashlar.Postgres.Tests.Replicas;

/// <summary>
/// The replica stops while reads run: per configuration they continue from the primary or fail with a typed, transient
/// <see cref="Unavailable"/>; none waits longer than the replica connection's 2 s connect timeout allows.
/// </summary>
public sealed class ReplicaOutageTests(LedgerReplicaFixture db) : IClassFixture<LedgerReplicaFixture>
{
    /// <summary>The replica connection's connect timeout (2 s) plus a margin for a loaded machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2 + 3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_continue_from_the_primary_when_the_replica_stops_mid_run()
    {
        await using var domain = db.CreateDomain(o =>
        {
            o.WhenUnavailable = ReplicaFallback.ReadFromPrimary;
            o.RetryAfter = TimeSpan.FromMilliseconds(200);
        });
        var ledger = await domain.CreateAsync<Ledger>(new { Name = "outage", Value = 7 }, cancellationToken: Ct);
        await db.Replica.WaitForReplayAsync(Ct);
        var routing = domain.Postgres().ReadRouting;
        var slowest = TimeSpan.Zero;
        var failures = new List<Exception>();

        async Task ReadAsync()
        {
            var watch = Stopwatch.StartNew();
            try
            {
                Assert.Equal(7, (await domain.GetAsync<Ledger>(ledger.Id, cancellationToken: Ct)).Value);
            }
            catch (AshlarException e)
            {
                failures.Add(e);
            }

            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
        }

        try
        {
            for (var i = 0; i < 20; i++)
            {
                await ReadAsync();
            }

            var onReplicaBefore = routing.ReadsOnReplica;
            var stopping = db.Replica.StopServerAsync(cancellationToken: Ct);
            while (!stopping.IsCompleted)
            {
                await ReadAsync();
            }

            await stopping;
            for (var i = 0; i < 50; i++)
            {
                await ReadAsync();
            }

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"replica stopped mid-run: {routing.ReadsOnReplica} reads on the replica ({onReplicaBefore} before the stop), {routing.ReadsOnPrimary} on the primary, " +
                $"{routing.ReplicaUnavailable} found it unavailable, slowest read {slowest.TotalMilliseconds:0} ms");
            Assert.Empty(failures);
            Assert.Equal(20, onReplicaBefore);
            Assert.True(routing.ReplicaUnavailable > 0 && routing.ReadsOnPrimary >= 50, $"{routing.ReadsOnPrimary} reads on the primary");
            Assert.True(slowest < Bound, $"a read took {slowest}");
        }
        finally
        {
            await db.Replica.ResumeServerAsync(Ct);
        }

        // Back up: once RetryAfter has passed, reads return to the replica.
        var deadline = Stopwatch.StartNew();
        var onReplica = routing.ReadsOnReplica;
        while (routing.ReadsOnReplica == onReplica && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await ReadAsync();
        }

        Assert.True(routing.ReadsOnReplica > onReplica, "reads never returned to the resumed replica");
    }

    [Fact]
    public async Task Configured_to_fail_a_read_fails_typed_and_quickly_while_writes_go_on()
    {
        await using var domain = db.CreateDomain(o => o.RetryAfter = TimeSpan.FromMinutes(1));
        var ledger = await domain.CreateAsync<Ledger>(new { Name = "fail fast", Value = 1 }, cancellationToken: Ct);
        await db.Replica.WaitForReplayAsync(Ct);
        Assert.Equal(1, (await domain.GetAsync<Ledger>(ledger.Id, cancellationToken: Ct)).Value);

        await db.Replica.StopServerAsync(cancellationToken: Ct);
        try
        {
            var watch = Stopwatch.StartNew();
            var first = await Assert.ThrowsAsync<InvalidException>(() => domain.GetAsync<Ledger>(ledger.Id, cancellationToken: Ct));
            var firstTook = watch.Elapsed;
            watch.Restart();
            var second = await Assert.ThrowsAsync<InvalidException>(() => domain.GetAsync<Ledger>(ledger.Id, cancellationToken: Ct));
            var secondTook = watch.Elapsed;

            var unavailable = Assert.IsType<Unavailable>(Assert.Single(first.Errors));
            Assert.True(unavailable.IsTransient);
            Assert.Equal("Ledger", unavailable.Resource);
            Assert.Contains("the read repo ReplicaRepo cannot be reached", unavailable.Message, StringComparison.Ordinal);
            Assert.Contains("ReplicaFallback.ReadFromPrimary", unavailable.Message, StringComparison.Ordinal);
            Assert.Contains("failed less than 60 s ago", Assert.IsType<Unavailable>(Assert.Single(second.Errors)).Message, StringComparison.Ordinal);
            Assert.True(firstTook < Bound && secondTook < Bound, $"the failures took {firstTook} and {secondTook}");

            ledger = await domain.UpdateAsync(ledger, new { Value = 2 }, cancellationToken: Ct);
            Assert.Equal(2, ledger.Value);
        }
        finally
        {
            await db.Replica.ResumeServerAsync(Ct);
        }
    }
}
