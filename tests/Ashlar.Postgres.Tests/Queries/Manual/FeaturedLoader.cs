using System.Collections.Concurrent;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Manual;

/// <summary>
/// A code-loaded relationship's loader standing for another service: featured notes that live in no table, one call
/// per batch. Records each call's source ids.
/// </summary>
public sealed class FeaturedLoader : IManualRelationship<Story, Note>
{
    public ConcurrentQueue<long[]> Calls { get; } = new();

    public ValueTask<IReadOnlyList<IReadOnlyList<Note>>> LoadAsync(IReadOnlyList<Story> sources, ManualLoadContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue([.. sources.Select(s => s.Id)]);
        IReadOnlyList<IReadOnlyList<Note>> related =
        [
            .. sources.Select(s => (IReadOnlyList<Note>)(s.Id % 2 == 1
                ? [new Note { Id = 1000 + s.Id, Title = $"featured {s.Title}", StoryId = s.Id, WriterId = 2 }]
                : [])),
        ];
        return ValueTask.FromResult(related);
    }
}
