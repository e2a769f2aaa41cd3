using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Multitenancy.Model;

/// <summary>A schema per tenant; the declared schema <c>tmpl</c> holds the table the tenant schemas copy.</summary>
public sealed class Ticket : IResource<Ticket>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public int Priority { get; set; }

    public long? OrgId { get; set; }

    public Org? Org { get; set; }

    public List<Note>? Notes { get; set; }

    public Note? PinnedNote { get; set; }

    public List<Tag>? Tags { get; set; }

    public int? NoteCount { get; set; }

    public static void Define(ResourceBuilder<Ticket> r)
    {
        r.Attribute(t => t.Id, a => a.PrimaryKey());
        r.Attribute(t => t.Title);
        r.Attribute(t => t.Priority);
        r.BelongsTo(t => t.Org);
        r.HasMany(t => t.Notes);
        r.HasOne(t => t.PinnedNote, h => h.DestinationAttribute(n => n.TicketId).Filter(n => n.Pinned));
        r.ManyToMany(t => t.Tags, m => m.Through<TicketTag, long, long>(j => j.TicketId, j => j.TagId));
        r.Count(t => t.NoteCount, t => t.Notes);
        r.DefaultActions();
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("tickets").Schema("tmpl").Repo<TenancyRepo>());
    }
}
