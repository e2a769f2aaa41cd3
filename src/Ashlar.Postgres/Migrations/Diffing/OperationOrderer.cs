using Ashlar.Postgres.Migrations.Operations;

namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>
/// Sorts operations so that every provider of a fact runs before every step that requires it (Kahn's algorithm;
/// ties keep the given order). A fact nobody in the batch provides holds already.
/// </summary>
internal static class OperationOrderer
{
    /// <exception cref="OperationCycleException">The operations need each other in a cycle.</exception>
    public static IReadOnlyList<MigrationOperation> Order(IReadOnlyList<MigrationOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var providers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            foreach (var fact in operations[i].Provides.Distinct(StringComparer.Ordinal))
            {
                if (!providers.TryGetValue(fact, out var list))
                {
                    providers[fact] = list = [];
                }

                list.Add(i);
            }
        }

        var next = new List<int>[operations.Count];
        var waiting = new int[operations.Count];
        for (var j = 0; j < operations.Count; j++)
        {
            next[j] ??= [];
            var before = operations[j].Requires.SelectMany(f => providers.GetValueOrDefault(f) ?? []).Where(i => i != j).Distinct();
            foreach (var i in before)
            {
                (next[i] ??= []).Add(j);
                waiting[j]++;
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < operations.Count; i++)
        {
            if (waiting[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var ordered = new List<MigrationOperation>(operations.Count);
        while (ready.TryDequeue(out var i, out _))
        {
            ordered.Add(operations[i]);
            foreach (var j in next[i])
            {
                if (--waiting[j] == 0)
                {
                    ready.Enqueue(j, j);
                }
            }
        }

        if (ordered.Count < operations.Count)
        {
            throw new OperationCycleException(FindCycle(operations, next, waiting));
        }

        return ordered;
    }

    private static List<string> FindCycle(IReadOnlyList<MigrationOperation> operations, List<int>[] next, int[] waiting)
    {
        // Walk backwards from a blocked step through blocked predecessors until a step repeats.
        var previous = new List<int>[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            foreach (var j in next[i].Where(j => waiting[j] > 0 && waiting[i] > 0))
            {
                (previous[j] ??= []).Add(i);
            }
        }

        var path = new List<int>();
        var seen = new Dictionary<int, int>();
        var current = Enumerable.Range(0, operations.Count).First(i => waiting[i] > 0);
        while (!seen.ContainsKey(current))
        {
            seen[current] = path.Count;
            path.Add(current);
            current = previous[current]!.First();
        }

        var cycle = path[seen[current]..];
        cycle.Reverse();
        return cycle.Select(i => operations[i].Description).ToList();
    }
}
