using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace HelpDesk.Resources;

/// <summary>The join between an organization's tickets and the shared tags, in the organization's schema.</summary>
public sealed class TicketTag : IResource<TicketTag>
{
    public long TicketId { get; set; }

    public Guid TagId { get; set; }

    public Ticket? Ticket { get; set; }

    public Tag? Tag { get; set; }

    public static void Define(ResourceBuilder<TicketTag> r)
    {
        r.Attribute(j => j.TicketId, a => a.PrimaryKey());
        r.Attribute(j => j.TagId, a => a.PrimaryKey());
        r.BelongsTo(j => j.Ticket);
        r.BelongsTo(j => j.Tag);
        r.Identity("unique_tagging", j => new { j.TicketId, j.TagId });
        r.Create("create", a => a.Primary().Accept(j => j.TicketId, j => j.TagId));
        r.Read("read", a => a.Primary());
        r.Destroy("destroy", a => a.Primary());
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg
            .Table("ticket_tags").Repo<HelpDeskRepo>()
            .Reference(j => j.Ticket, f => f.OnDelete(OnDelete.Delete).Deferrable(Deferrable.Initially))
            .Reference(j => j.Tag, f => f.OnDelete(OnDelete.Delete).OnUpdate(OnUpdate.Update))

            // The primary key already enforces the identity: no second unique index.
            .SkipUniqueIndexes("unique_tagging"));
    }
}
