using Ashlar.Resources;

namespace Ashlar.Docs.Tests.Models.Saas;

public sealed class Organization : IResource<Organization>
{
    public Guid Id { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Organization> r) => r.DefaultActions();
}

public sealed class Ticket : IResource<Ticket>
{
    public long Id { get; set; }

    public string Subject { get; set; } = "";

    public List<Note>? Notes { get; set; }

    public static void Define(ResourceBuilder<Ticket> r) => r.DefaultActions();
}

public sealed class Note : IResource<Note>
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public string Body { get; set; } = "";

    public static void Define(ResourceBuilder<Note> r) => r.DefaultActions();
}

public sealed class Job : IResource<Job>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public Guid OrganizationId { get; set; }

    public static void Define(ResourceBuilder<Job> r) => r.DefaultActions();
}

public sealed class SaasRepo : Ashlar.Postgres.Repos.PostgresRepo;
