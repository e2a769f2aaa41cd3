using System.Collections.Concurrent;
using Ashlar.DataLayer;
using Ashlar.Domains;

namespace Ashlar.Postgres.Sql;

/// <summary>
/// Compiled read statements per query shape (<see cref="ShapeKey"/>): a later plan of the same shape reuses the SQL
/// text and parameter layout, and only its values are read from its nodes. Bounded: past
/// <see cref="Capacity"/> shapes, new ones are compiled every time. Debug builds recompile on every hit and
/// check the text and values agree.
/// </summary>
internal sealed class SqlCache(DomainModel domain)
{
    public const int Capacity = 2048;

    private readonly ConcurrentDictionary<string, SqlCacheEntry> _entries = new(StringComparer.Ordinal);
    private long _hits;
    private long _misses;

    /// <summary>Reads compiled from a cached shape.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Reads compiled from scratch.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public SqlCommand Read(ReadPlan plan)
    {
        var shape = ShapeKey.Of(plan);
        var key = shape.Key;
        if (_entries.TryGetValue(key, out var entry))
        {
            Interlocked.Increment(ref _hits);
            var command = entry.Bind(shape.Nodes);
#if DEBUG
            Verify(command, ReadCompiler.Compile(domain, plan));
#endif
            return command;
        }

        Interlocked.Increment(ref _misses);
        var (compiled, slots) = ReadCompiler.CompileWithSlots(domain, plan);
        if (_entries.Count < Capacity && slots is not null && SqlCacheEntry.Create(compiled, slots, shape.Nodes) is { } created)
        {
            _entries.TryAdd(key, created);
        }

        return compiled;
    }

#if DEBUG
    private static void Verify(SqlCommand cached, SqlCommand fresh)
    {
        var same = cached.Text == fresh.Text && cached.Parameters.Count == fresh.Parameters.Count &&
            cached.Parameters.Zip(fresh.Parameters).All(p => p.First.Type == p.Second.Type &&
                (p.First.Value is Array a ? System.Collections.StructuralComparisons.StructuralEqualityComparer.Equals(a, p.Second.Value) : Equals(p.First.Value, p.Second.Value) || p.First.Value.ToString() == p.Second.Value.ToString()));
        if (!same)
        {
            throw new InvalidOperationException($"The SQL cache rebound a statement differently from a fresh compile:\n{cached.Text}\n{fresh.Text}");
        }
    }
#endif
}
