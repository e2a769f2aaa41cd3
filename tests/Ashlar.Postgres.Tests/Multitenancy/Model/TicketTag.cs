using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Multitenancy.Model;

public sealed class TicketTag : IResource<TicketTag>
{
    public long TicketId { get; set; }

    public long TagId { get; set; }

    public static void Define(ResourceBuilder<TicketTag> r)
    {
        r.Attribute(j => j.TicketId, a => a.PrimaryKey());
        r.Attribute(j => j.TagId, a => a.PrimaryKey());
        r.Read("read", a => a.Primary());
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("ticket_tags").Schema("tmpl").Repo<TenancyRepo>());
    }
}
