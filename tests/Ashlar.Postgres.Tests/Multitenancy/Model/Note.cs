using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Multitenancy.Model;

public sealed class Note : IResource<Note>
{
    public long Id { get; set; }

    public string Body { get; set; } = "";

    public bool Pinned { get; set; }

    public long TicketId { get; set; }

    public Ticket? Ticket { get; set; }

    public static void Define(ResourceBuilder<Note> r)
    {
        r.Attribute(n => n.Id, a => a.PrimaryKey());
        r.Attribute(n => n.Body);
        r.Attribute(n => n.Pinned);
        r.BelongsTo(n => n.Ticket, b => b.AllowNil(false));
        r.DefaultActions();
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("notes").Schema("tmpl").Repo<TenancyRepo>());
    }
}
