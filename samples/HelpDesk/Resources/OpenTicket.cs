using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace HelpDesk.Resources;

/// <summary>
/// A row of an organization's <c>open_tickets</c> view (created in each tenant schema by a statement on
/// <see cref="Ticket"/>): read-only, and not managed by migrations.
/// </summary>
public sealed class OpenTicket : IResource<OpenTicket>
{
    public long Id { get; set; }

    public string Subject { get; set; } = "";

    public short Priority { get; set; }

    public string OrganizationName { get; set; } = "";

    public string? AssigneeName { get; set; }

    public static void Define(ResourceBuilder<OpenTicket> r)
    {
        r.Attribute(t => t.Id, a => a.PrimaryKey());
        r.Attribute(t => t.Subject);
        r.Attribute(t => t.Priority);
        r.Attribute(t => t.OrganizationName);
        r.Attribute(t => t.AssigneeName);
        r.Read("read", a => a.Primary());
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("open_tickets").Repo<HelpDeskRepo>().Migrate(false));
    }
}
