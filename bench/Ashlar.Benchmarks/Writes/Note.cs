using Ashlar.Benchmarks.Model;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Benchmarks.Writes;

/// <summary>The bulk-insert workload's row: 6 columns, two of them foreign keys (to posts and authors).</summary>
public sealed class Note : IResource<Note>
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public long AuthorId { get; set; }

    public string Body { get; set; } = "";

    public int Score { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Post? Post { get; set; }

    public Author? Author { get; set; }

    public static void Define(ResourceBuilder<Note> r)
    {
        r.IntegerPrimaryKey(n => n.Id);
        r.Attribute(n => n.Body);
        r.Attribute(n => n.Score, a => a.Min(0));
        r.CreateTimestamp(n => n.CreatedAt);
        r.BelongsTo(n => n.Post);
        r.BelongsTo(n => n.Author);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("notes").Repo<BenchRepo>().Reference(n => n.Post).Reference(n => n.Author));
    }
}
