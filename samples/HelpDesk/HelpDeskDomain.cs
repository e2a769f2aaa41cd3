using Ashlar.Domains;
using HelpDesk.Resources;

namespace HelpDesk;

/// <summary>The help desk's resources, built and validated once.</summary>
public static class HelpDeskDomain
{
    public static DomainModel Build() => DomainModel.Build("helpdesk", Define);

    public static void Define(DomainBuilder d) => d
        .Resource<Organization>()
        .Resource<User>()
        .Resource<Ticket>()
        .Resource<Comment>()
        .Resource<Tag>()
        .Resource<TicketTag>()
        .Resource<CannedReply>()
        .Resource<OpenTicket>()
        .Resource<Asset>();
}
