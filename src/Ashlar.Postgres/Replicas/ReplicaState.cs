using System.Diagnostics;
using Npgsql;

namespace Ashlar.Postgres.Replicas;

/// <summary>What the data layer knows about one read repo: its data source, how far it has replayed, whether it is down.</summary>
internal sealed class ReplicaState(NpgsqlDataSource source, Type repo)
{
    private long _replayed;
    private long _downUntil;

    public NpgsqlDataSource Source => source;

    public Type Repo => repo;

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
