using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Manual;

public sealed class Note : IResource<Note>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public int Likes { get; set; }

    public long? StoryId { get; set; }

    public long? WriterId { get; set; }

    public Story? Story { get; set; }

    public Writer? Writer { get; set; }

    public static void Define(ResourceBuilder<Note> r)
    {
        r.IntegerPrimaryKey(n => n.Id);
        r.Attribute(n => n.Title);
        r.Attribute(n => n.Likes);
        r.BelongsTo(n => n.Story);
        r.BelongsTo(n => n.Writer);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("notes"));
    }
}
