namespace Ashlar.Postgres.Replicas;

/// <summary>
/// The replicas serving one resource's reads: one declared read repo, or the replicas connected to its repo with
/// <c>pg.ReadReplica&lt;TRepo&gt;(...)</c>. Reads take them in turn (round-robin), skipping one that is down and
/// preferring one already known to have replayed what the read must see.
/// </summary>
internal sealed class ReplicaGroup(IReadOnlyList<ReplicaState> replicas)
{
    private int _next = -1;

    public IReadOnlyList<ReplicaState> Replicas => replicas;

    /// <summary>
    /// The replica for the next read: one known to have replayed <paramref name="required"/> when there is one, else
    /// the next in turn that is not down; null when every replica is down.
    /// </summary>
    public ReplicaState? Pick(ulong required)
    {
        var start = unchecked((uint)Interlocked.Increment(ref _next));
        ReplicaState? fallback = null;
        for (var i = 0; i < replicas.Count; i++)
        {
            var replica = replicas[(int)((start + (uint)i) % (uint)replicas.Count)];
            if (replica.IsDown)
            {
                continue;
            }

            if (required <= replica.Replayed)
            {
                return replica;
            }

            fallback ??= replica;
        }

        return fallback;
    }
}
