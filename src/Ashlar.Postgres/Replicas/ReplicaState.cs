using System.Diagnostics;
using Npgsql;

namespace Ashlar.Postgres.Replicas;

/// <summary>What the data layer knows about one replica: its data source, how far it has replayed, whether it is down.</summary>
internal sealed class ReplicaState(NpgsqlDataSource source, string name)
{
    private long _replayed;
    private long _downUntil;

    public NpgsqlDataSource Source => source;

    /// <summary>The replica as messages name it: the read repo's type name, or the repo's name and the replica's host.</summary>
    public string Name => name;

    /// <summary>The highest <c>pg_last_wal_replay_lsn()</c> seen; a replica's replay position only moves forward.</summary>
    public ulong Replayed => unchecked((ulong)Volatile.Read(ref _replayed));

    public bool IsDown => Stopwatch.GetTimestamp() < Volatile.Read(ref _downUntil);

    public void Saw(ulong replayed)
    {
        var value = unchecked((long)replayed);
        var seen = Volatile.Read(ref _replayed);
        while (seen < value)
        {
            var previous = Interlocked.CompareExchange(ref _replayed, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    public void MarkDown(TimeSpan retryAfter)
    {
        Volatile.Write(ref _downUntil, Stopwatch.GetTimestamp() + (long)(retryAfter.TotalSeconds * Stopwatch.Frequency));
        // Forget what it had replayed: a replica that comes back may be a different (re-made) one.
        Interlocked.Exchange(ref _replayed, 0);
        source.Clear();
    }
}
