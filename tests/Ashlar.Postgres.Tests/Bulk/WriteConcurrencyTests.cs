using Ashlar.Bulk;
using Ashlar.Changesets;
using Ashlar.Postgres.Tests.Bulk.Counters;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Bulk;

/// <summary>Many tasks writing the same rows at once, on the real server; bounded by counts, not by time.</summary>
public sealed class WriteConcurrencyTests(CounterFixture db) : IClassFixture<CounterFixture>
{
    private const int Tasks = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Eight_tasks_upserting_the_same_thousand_keys_never_let_a_unique_violation_escape()
    {
        var keys = Enumerable.Range(0, 1000).Select(i => $"cc-{i:D4}").ToList();
        var upsert = new Upsert { Identity = "unique_tally_name", Fields = ["total"] };

        var results = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(task => Task.Run(async () =>
        {
            var random = new Random(task);
            var results = new List<BulkResult<Tally>>();
            for (var round = 0; round < 3; round++)
            {
                // Each task sends the keys in its own order, in batches of 250: batches of different tasks overlap.
                var inputs = keys.OrderBy(_ => random.Next()).Select(k => (object?)new { name = k, total = (long)(task * 10 + round) }).ToList();
                results.Add(await db.Domain.BulkCreateAsync<Tally>(inputs, new BulkCreateOptions { Upsert = upsert, BatchSize = 250, Transaction = BulkTransaction.Batch }, Ct));
            }

            return results;
        }, Ct)));

        Assert.All(results.SelectMany(r => r), r => Assert.Empty(r.Errors));
        Assert.All(results.SelectMany(r => r), r => Assert.Equal(1000, r.Written));
        var stored = await db.Domain.ReadAsync(Query.For<Tally>().Filter(t => t.Name.StartsWith("cc-")), cancellationToken: Ct);
        Assert.Equal(keys, stored.Select(t => t.Name).Order(StringComparer.Ordinal));
        var written = Enumerable.Range(0, Tasks).SelectMany(task => Enumerable.Range(0, 3).Select(round => (long)(task * 10 + round))).ToHashSet();
        Assert.All(stored, t => Assert.Contains(t.Total, written));
    }

    [Fact]
    public async Task Eight_tasks_each_making_a_thousand_atomic_increments_of_one_row_reach_exactly_eight_thousand()
    {
        var tally = await db.Domain.CreateAsync<Tally>(new { name = "atomic-8000" }, cancellationToken: Ct);
        var increment = new Changes<Tally>().Atomic(t => t.Total, t => t.Total + 1);

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                await db.Domain.UpdateAsync(tally, increment, cancellationToken: Ct);
            }
        }, Ct)));

        Assert.Equal(8000, (await db.Domain.GetAsync<Tally>(tally.Id, cancellationToken: Ct)).Total);
    }

    [Fact]
    public async Task The_same_increments_as_read_modify_write_lose_updates_and_as_atomic_changes_do_not()
    {
        const int rounds = 50;
        var plain = await db.Domain.CreateAsync<Tally>(new { name = "rmw-lost" }, cancellationToken: Ct);
        var atomic = await db.Domain.CreateAsync<Tally>(new { name = "rmw-atomic" }, cancellationToken: Ct);
        var increment = new Changes<Tally>().Atomic(t => t.Total, t => t.Total + 1);

        // Every round all tasks read before any writes (a barrier, not a sleep): the classic lost-update interleaving.
        var read = new AsyncBarrier(Tasks);
        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(_ => Task.Run(async () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                var seenPlain = await db.Domain.GetAsync<Tally>(plain.Id, cancellationToken: Ct);
                var seenAtomic = await db.Domain.GetAsync<Tally>(atomic.Id, cancellationToken: Ct);
                await read.SignalAndWaitAsync().WaitAsync(Ct);
                await db.Domain.UpdateAsync(seenPlain, new { total = seenPlain.Total + 1 }, cancellationToken: Ct);
                await db.Domain.UpdateAsync(seenAtomic, increment, cancellationToken: Ct);
                await read.SignalAndWaitAsync().WaitAsync(Ct);
            }
        }, Ct)));

        Assert.Equal(rounds, (await db.Domain.GetAsync<Tally>(plain.Id, cancellationToken: Ct)).Total);
        Assert.Equal(Tasks * rounds, (await db.Domain.GetAsync<Tally>(atomic.Id, cancellationToken: Ct)).Total);
    }

    /// <summary>Releases every participant once all of them have arrived; reusable round after round.</summary>
    private sealed class AsyncBarrier(int participants)
    {
        private readonly Lock _gate = new();
        private int _arrived;
        private TaskCompletionSource _round = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SignalAndWaitAsync()
        {
            lock (_gate)
            {
                var round = _round;
                if (++_arrived == participants)
                {
                    _arrived = 0;
                    _round = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    round.SetResult();
                }

                return round.Task;
            }
        }
    }
}
