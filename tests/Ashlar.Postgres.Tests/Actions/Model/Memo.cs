using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Actions.Model;

/// <summary>A resource whose primary read action hides soft-destroyed records and loads the writer.</summary>
public sealed class Memo : IResource<Memo>
{
    public long Id { get; set; }

    public string Body { get; set; } = "";

    public DateTimeOffset? ArchivedAt { get; set; }

    public long? WriterId { get; set; }

    public Writer? Writer { get; set; }

    public static void Define(ResourceBuilder<Memo> r)
    {
        r.IntegerPrimaryKey(m => m.Id);
        r.Attribute(m => m.Body);
        r.Attribute(m => m.ArchivedAt);
        r.BelongsTo(m => m.Writer);
        r.Read("read", a => a.Primary().Filter(m => m.ArchivedAt == null).Load(m => m.Writer));
        r.Read("everything");
        r.Create("create", a => a.Primary().Accept(m => m.Body, m => m.WriterId));
        r.Destroy("archive", a => a.Primary().Soft(m => m.ArchivedAt));
        r.Postgres(pg => pg.Table("memos").Repo<ActionsRepo>());
    }
}
