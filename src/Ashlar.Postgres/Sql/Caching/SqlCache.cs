using System.Collections.Concurrent;
using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Caching;

/// <summary>
/// Compiled read and load statements per query shape (<see cref="ShapeKey"/>): a later plan of the same shape reuses
/// the SQL text and parameter layout, and only its values are read from its nodes (for a load, also its parent keys).
/// Bounded: past <see cref="Capacity"/> shapes the cache starts over. A read's limit and offset are parameters, so
/// pages of one query share one entry. Debug builds recompile on every hit and check the text and values agree.
/// </summary>
internal sealed class SqlCache(DomainModel domain)
{
    public const int Capacity = 2048;

    private readonly ConcurrentDictionary<string, SqlCacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<LoadShape, SqlCacheEntry> _loads = new();
    private long _hits;
    private long _misses;
    private long _loadHits;
    private long _loadMisses;

    /// <summary>Reads compiled from a cached shape.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Reads compiled from scratch.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Relationship loads compiled from a cached shape.</summary>
    public long LoadHits => Interlocked.Read(ref _loadHits);

    /// <summary>Relationship loads compiled from scratch.</summary>
    public long LoadMisses => Interlocked.Read(ref _loadMisses);

    private int _count;

    /// <summary>The shapes held now (reads and loads).</summary>
    public int Count => _entries.Count + _loads.Count;

    /// <summary>The statement of <paramref name="plan"/>; with <paramref name="returnSortValues"/>, its rows also carry their sort values.</summary>
    public CompiledStatement Read(ReadPlan plan, bool returnSortValues = false)
    {
        var shape = ShapeKey.Of(plan);
        var key = returnSortValues ? shape.Key + "|V" : shape.Key;
        if (_entries.TryGetValue(key, out var entry))
        {
            Interlocked.Increment(ref _hits);
            var command = entry.Bind(shape.Nodes, plan.Tenant);
#if DEBUG
            Verify(command, ReadCompiler.Compile(domain, plan, returnSortValues));
#endif
            return command;
        }

        Interlocked.Increment(ref _misses);
        var (compiled, slots) = ReadCompiler.CompileWithSlots(domain, plan, shape.Paging, returnSortValues);
        if (slots is not null && SqlCacheEntry.Create(compiled, slots, shape.Nodes) is { } created)
        {
            Remember(_entries, key, created);
        }

        return compiled;
    }

    /// <summary>The statement loading <paramref name="load"/> for the parents whose distinct keys are <paramref name="keys"/>.</summary>
    public CompiledStatement Load(LoadPlan load, Array keys, AttributeType keyType, string? tenant)
    {
        var plan = LoadCompiler.Effective(load);
        var shape = ShapeKey.Of(plan, pagingAsParameters: false);
        var key = new LoadShape(load.Relationship, keyType, tenant is not null, shape.Key);
        var keysNode = new ValueExpr(keys, LoadCompiler.KeysType(keyType));
        if (_loads.TryGetValue(key, out var entry))
        {
            Interlocked.Increment(ref _loadHits);
            var command = entry.Bind(shape.Nodes, tenant, keysNode);
#if DEBUG
            Verify(command, LoadCompiler.Compile(domain, load, keys, keyType, tenant));
#endif
            return command;
        }

        Interlocked.Increment(ref _loadMisses);
        var (compiled, slots) = LoadCompiler.CompileWithSlots(domain, load.Relationship, plan, keysNode, keyType, tenant);
        if (slots is not null && SqlCacheEntry.Create(compiled, slots, shape.Nodes, keysNode) is { } created)
        {
            Remember(_loads, key, created);
        }

        return compiled;
    }

    /// <summary>
    /// Adds an entry; past <see cref="Capacity"/> entries the cache starts over, so an application whose shapes keep
    /// changing keeps caching its current ones instead of freezing the first 2,048.
    /// </summary>
    private void Remember<TKey>(ConcurrentDictionary<TKey, SqlCacheEntry> entries, TKey key, SqlCacheEntry entry)
        where TKey : notnull
    {
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            _loads.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        if (!entries.TryAdd(key, entry))
        {
            Interlocked.Decrement(ref _count);
        }
    }

#if DEBUG
    private static void Verify(CompiledStatement cached, CompiledStatement fresh)
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

    /// <summary>
    /// A load statement's key: the relationship (the cache is per domain, so its instance), the parent key's type,
    /// whether there is a tenant (not which: the text is the same for every tenant) and the shape of the load's read with the relationship's declarations folded in.
    /// </summary>
    private readonly record struct LoadShape(RelationshipDefinition Relationship, AttributeType KeyType, bool HasTenant, string Shape)
    {
        public bool Equals(LoadShape other) =>
            ReferenceEquals(Relationship, other.Relationship) && KeyType.Equals(other.KeyType) &&
            HasTenant == other.HasTenant && string.Equals(Shape, other.Shape, StringComparison.Ordinal);

        public override int GetHashCode() =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Relationship), KeyType.Kind, KeyType.ClrType, HasTenant, Shape);
    }
}
