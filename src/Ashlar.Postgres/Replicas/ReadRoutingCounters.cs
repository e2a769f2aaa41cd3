namespace Ashlar.Postgres.Replicas;

/// <summary>
/// Where the reads of resources that declare a read repo went, since the data layer was created: for dashboards and
/// tests. Reads of resources without a read repo are not counted. Thread-safe.
/// </summary>
public sealed class ReadRoutingCounters
{
    private long _onReplica;
    private long _onPrimary;
    private long _replicaBehind;
    private long _replicaUnavailable;

    internal ReadRoutingCounters()
    {
    }

    /// <summary>Reads served by the read repo (the replica).</summary>
    public long ReadsOnReplica => Interlocked.Read(ref _onReplica);

    /// <summary>Reads served by the repo (the primary): locking reads, reads in transactions, and the two fallbacks below.</summary>
    public long ReadsOnPrimary => Interlocked.Read(ref _onPrimary);

    /// <summary>Reads sent to the primary because the replica had not replayed the scope's last write within the wait.</summary>
    public long ReplicaBehind => Interlocked.Read(ref _replicaBehind);

    /// <summary>Reads whose replica could not be reached (served by the primary or failed, per the options).</summary>
    public long ReplicaUnavailable => Interlocked.Read(ref _replicaUnavailable);

    internal void OnReplica() => Interlocked.Increment(ref _onReplica);

    internal void OnPrimary() => Interlocked.Increment(ref _onPrimary);

    internal void Behind() => Interlocked.Increment(ref _replicaBehind);

    internal void Unavailable() => Interlocked.Increment(ref _replicaUnavailable);
}
