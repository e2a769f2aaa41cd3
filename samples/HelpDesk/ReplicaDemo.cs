using Ashlar.Domains;
using Ashlar.LocalCluster;
using Ashlar.Postgres.DataLayer;
using Ashlar.Queries;
using HelpDesk.Resources;

/// <summary>
/// The demo's read-replica step (with <c>--replica</c>): where the demo's reads went, then what read-your-writes does
/// when the replica falls behind.
/// </summary>
internal sealed class ReplicaDemo(Domain helpdesk, string connectionString, TemporaryReplica replica)
{
    public async Task RunAsync()
    {
        var routing = helpdesk.Postgres().ReadRouting;
        Console.WriteLine($"  the demo's reads so far: {routing.ReadsOnReplica} on the replica, {routing.ReadsOnPrimary} on the primary " +
            $"(locking reads, reads in transactions, and {routing.ReplicaBehind} that waited up to 50 ms for the replica to replay a write they must see)");

        await replica.SetApplyDelayAsync(TimeSpan.FromSeconds(2));
        Console.WriteLine("  the replica now applies the primary's changes 2 s late (recovery_min_apply_delay)");
        await using (var plain = PostgresDomain.Create(helpdesk.Model, pg => pg
            .Repo<HelpDeskRepo>(connectionString)
            .ReadReplica<HelpDeskRepo>(replica.ConnectionStringFor("helpdesk"))))
        {
            var tag = await plain.CreateAsync<Tag>(new { name = "written-without" });
            var found = await plain.CountAsync(Query.For<Tag>().Filter(t => t.Id == tag.Id));
            Console.WriteLine($"  without read-your-writes: wrote a tag, read it back at once from the replica: {found} found (stale)");
            await plain.DestroyAsync(tag);
        }

        var before = routing.ReplicaBehind;
        var mine = await helpdesk.CreateAsync<Tag>(new { name = "written-with" });
        var seen = await helpdesk.CountAsync(Query.For<Tag>().Filter(t => t.Id == mine.Id));
        Console.WriteLine($"  with read-your-writes (ReplicaOptions.ReadYourWrites): {seen} found — the replica had not replayed the write's LSN, " +
            $"so {routing.ReplicaBehind - before} read went to the primary");
        await helpdesk.DestroyAsync(mine);

        await replica.SetApplyDelayAsync(TimeSpan.Zero);
        await replica.WaitForReplayAsync();
        var onReplica = routing.ReadsOnReplica;
        await helpdesk.CountAsync(Query.For<Tag>());
        Console.WriteLine($"  caught up again: the next read went to the replica: {routing.ReadsOnReplica - onReplica == 1}");
    }
}
