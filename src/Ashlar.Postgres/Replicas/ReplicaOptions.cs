namespace Ashlar.Postgres.Replicas;

/// <summary>
/// How reads use read repos (replicas): read-your-writes, how long to wait for a lagging replica, and what to do when
/// one is down. Set with <c>pg.Replicas(o =&gt; ...)</c> when creating the data layer; see docs/repos-and-replicas.md.
/// </summary>
public sealed class ReplicaOptions
{
    /// <summary>
    /// Read-your-writes for the whole data layer: every read follows every write committed through this data layer
    /// before it (the replica serves it only once it has replayed the write's commit LSN, else the primary does).
    /// Off by default: reads then go to the replica whatever its lag. For narrower scopes use
    /// <c>PostgresDataLayer.BeginReadYourWrites()</c>.
    /// </summary>
    public bool ReadYourWrites { get; set; }

    /// <summary>
    /// How long a read that must see a write waits for the replica to replay it before reading from the primary.
    /// Defaults to 50 ms; zero reads from the primary at once when the replica is behind.
    /// </summary>
    public TimeSpan CatchUpWait { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often the replica's <c>pg_last_wal_replay_lsn()</c> is asked while waiting. Defaults to 5 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>What a read does when its replica cannot be reached. Defaults to <see cref="ReplicaFallback.Fail"/>.</summary>
    public ReplicaFallback WhenUnavailable { get; set; } = ReplicaFallback.Fail;

    /// <summary>
    /// After a replica failed, how long reads skip it (reading from the primary or failing at once, per
    /// <see cref="WhenUnavailable"/>) before trying it again. Defaults to 5 seconds. How long reaching a replica may
    /// take is the replica connection string's <c>Timeout</c> (connect) and <c>Command Timeout</c> (statement).
    /// </summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
