using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace HelpDesk.Resources;

/// <summary>A label shared by tickets.</summary>
public sealed class Tag : IResource<Tag>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Color { get; set; } = "";

    /// <summary>The optimistic-lock version: 1 on create, one more on every update; a stale copy cannot be written.</summary>
    public int Version { get; set; }

    public static void Define(ResourceBuilder<Tag> r)
    {
        r.UuidPrimaryKey(t => t.Id);
        r.Attribute(t => t.Name, a => a.MaxLength(40));
        r.Attribute(t => t.Color, a => a.Default("#888888"));
        r.OptimisticLock(t => t.Version);
        r.Identity("unique_name", t => t.Name);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("tags").Schema("helpdesk").Repo<HelpDeskRepo>());
    }
}
