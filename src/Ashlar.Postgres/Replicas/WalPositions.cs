using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Npgsql;

namespace Ashlar.Postgres.Replicas;

/// <summary>The highest commit LSN seen per primary data source; only ever moves forward. Thread-safe.</summary>
internal sealed class WalPositions
{
    private readonly ConcurrentDictionary<NpgsqlDataSource, StrongBox<long>> _positions = new(ReferenceEqualityComparer.Instance);

    public void Record(NpgsqlDataSource primary, ulong lsn)
    {
        var box = _positions.GetOrAdd(primary, static _ => new StrongBox<long>());
        var value = unchecked((long)lsn);
        var seen = Volatile.Read(ref box.Value);
        while (seen < value)
        {
            var previous = Interlocked.CompareExchange(ref box.Value, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    public ulong Of(NpgsqlDataSource primary) =>
        _positions.TryGetValue(primary, out var box) ? unchecked((ulong)Volatile.Read(ref box.Value)) : 0;
}
