using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Manual;

/// <summary>Manual relationships the domain build must refuse, one problem each.</summary>
public sealed class BadManualDeclarations : IResource<BadManualDeclarations>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public long? WriterId { get; set; }

    public Writer? Writer { get; set; }

    public List<Note>? Hashed { get; set; }

    public Note? ThroughWriter { get; set; }

    public List<Note>? SortedByCode { get; set; }

    public List<Note>? ByCode { get; set; }

    public int ByCodeCount { get; set; }

    public static void Define(ResourceBuilder<BadManualDeclarations> r)
    {
        r.IntegerPrimaryKey(s => s.Id);
        r.Attribute(s => s.Title);
        r.BelongsTo(s => s.Writer);
        r.HasManyManual(s => s.Hashed, (s, n) => n.Title.GetHashCode() == s.Id);
        r.HasOneManual(s => s.ThroughWriter, (s, n) => n.WriterId == s.Writer!.Id);
        r.HasManyManual(s => s.SortedByCode, new NoLoader(), m => m.Sort(n => n.Likes));
        r.HasManyManual(s => s.ByCode, new NoLoader());
        r.Count(s => s.ByCodeCount, s => s.ByCode);
    }

    private sealed class NoLoader : IManualRelationship<BadManualDeclarations, Note>
    {
        public ValueTask<IReadOnlyList<IReadOnlyList<Note>>> LoadAsync(IReadOnlyList<BadManualDeclarations> sources, ManualLoadContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<IReadOnlyList<Note>>>([.. sources.Select(_ => (IReadOnlyList<Note>)[])]);
    }
}
