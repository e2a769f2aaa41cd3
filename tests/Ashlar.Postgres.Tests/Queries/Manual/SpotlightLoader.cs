using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Manual;

/// <summary>A to-one code-loaded relationship's loader: a made-up note for even stories.</summary>
public sealed class SpotlightLoader : IManualRelationship<Story, Note>
{
    public ValueTask<IReadOnlyList<IReadOnlyList<Note>>> LoadAsync(IReadOnlyList<Story> sources, ManualLoadContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<IReadOnlyList<Note>> related =
            [.. sources.Select(s => (IReadOnlyList<Note>)(s.Id % 2 == 0 ? [new Note { Id = 2000 + s.Id, Title = "spotlight", WriterId = 1 }] : []))];
        return ValueTask.FromResult(related);
    }
}
