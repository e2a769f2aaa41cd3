using Ashlar.LocalCluster;

namespace Ashlar.Testing;

/// <summary>
/// The primary that replica tests share: a <see cref="TemporaryCluster"/> of its own (not the server of
/// <see cref="PostgresServer"/>, whose tests must not see replicas come and go), started on first use with
/// <c>synchronous_commit = on</c> so a commit's WAL is flushed, and sent to replicas, when the client hears of it.
/// It stops when the process exits. Each <see cref="ReplicatedDatabaseFixture"/> adds a database and a replica.
/// </summary>
public static class ReplicationPrimary
{
    private static readonly Lazy<Task<TemporaryCluster>> Cluster = new(
        () => TemporaryCluster.StartAsync(new TemporaryClusterOptions
        {
            ServerSettings = new Dictionary<string, string>
            {
                ["synchronous_commit"] = "on",
                ["wal_level"] = "replica",
                ["max_wal_senders"] = "20",
            },
        }),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The running primary, started on first call.</summary>
    /// <param name="ct">Cancels waiting for the start.</param>
    /// <returns>The cluster.</returns>
    public static Task<TemporaryCluster> GetAsync(CancellationToken ct = default) => Cluster.Value.WaitAsync(ct);
}
