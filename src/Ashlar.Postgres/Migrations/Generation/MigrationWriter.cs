using Ashlar.Postgres.Migrations.Operations;

namespace Ashlar.Postgres.Migrations.Generation;

/// <summary>
/// Turns ordered operations into migration files: one file, or several when concurrent steps must run outside a
/// transaction — each run of them gets a file of its own, between the transactional parts they depend on or feed.
/// </summary>
internal static class MigrationWriter
{
    public static IReadOnlyList<MigrationFile> Write(IReadOnlyList<MigrationOperation> ordered, string name, bool dev, Func<string> nextVersion)
    {
        // Hazards are computed on each call (a type change classifies its types): once per operation here.
        var hazards = new Dictionary<MigrationOperation, IReadOnlyList<OperationHazard>>(ReferenceEqualityComparer.Instance);
        foreach (var operation in ordered)
        {
            hazards[operation] = operation.Hazards;
        }

        bool Concurrent(MigrationOperation operation) => hazards[operation].Any(h => h.Kind == HazardKind.NonTransactional);
        var segments = Segments(ordered, Concurrent);
        var files = new List<MigrationFile>();
        for (var i = 0; i < segments.Count; i++)
        {
            var operations = segments[i];
            var irreversible = operations.Select(o => o.IrreversibleReason).OfType<string>().ToList();
            files.Add(new MigrationFile
            {
                Version = nextVersion(),
                Name = segments.Count == 1 || i == 0 ? name : $"{name}_{i + 1}",
                Up = operations.SelectMany(o => o.Up).ToList(),
                Down = irreversible.Count > 0 ? [] : operations.AsEnumerable().Reverse().SelectMany(o => o.Down).ToList(),
                IrreversibleReason = irreversible.Count > 0 ? string.Join("; ", irreversible) : null,
                Transactional = !operations.Any(Concurrent),
                Dev = dev,
                Warnings = operations.SelectMany(o => hazards[o]).Select(h => h.ToString()).Distinct().ToList(),
            });
        }

        return files;
    }

    /// <summary>Even segments are transactional, odd ones concurrent; each step goes to the first one after its providers.</summary>
    private static List<List<MigrationOperation>> Segments(IReadOnlyList<MigrationOperation> ordered, Func<MigrationOperation, bool> concurrent)
    {
        var factSegment = new Dictionary<string, int>(StringComparer.Ordinal);
        var segments = new SortedDictionary<int, List<MigrationOperation>>();
        foreach (var operation in ordered)
        {
            var earliest = operation.Requires.Select(f => factSegment.GetValueOrDefault(f)).DefaultIfEmpty(0).Max();
            var segment = concurrent(operation) == (earliest % 2 == 1) ? earliest : earliest + 1;
            if (!segments.TryGetValue(segment, out var list))
            {
                segments[segment] = list = [];
            }

            list.Add(operation);
            foreach (var fact in operation.Provides)
            {
                factSegment[fact] = Math.Max(factSegment.GetValueOrDefault(fact), segment);
            }
        }

        return segments.Values.ToList();
    }
}
