using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace HelpDesk.Resources;

/// <summary>
/// A request for help. Schema per tenant: each organization's tickets (and their comments and tags) live in the
/// organization's own schema, so one customer's tickets are never another's; they still belong to the shared
/// <see cref="Organization"/> and <see cref="User"/> rows in <c>helpdesk</c>.
/// </summary>
public sealed class Ticket : IResource<Ticket>
{
    public long Id { get; set; }

    public string Subject { get; set; } = "";

    public string? Body { get; set; }

    public TicketStatus Status { get; set; }

    public short Priority { get; set; }

    public decimal? EstimatedHours { get; set; }

    public DateOnly? DueOn { get; set; }

    public string[]? Labels { get; set; }

    public string? SearchText { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid ReporterId { get; set; }

    public Guid? AssigneeId { get; set; }

    public long? MergedIntoId { get; set; }

    public Organization? Organization { get; set; }

    public User? Reporter { get; set; }

    public User? Assignee { get; set; }

    public Ticket? MergedInto { get; set; }

    public List<Comment>? Comments { get; set; }

    public List<Tag>? Tags { get; set; }

    public DateTimeOffset InsertedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static void Define(ResourceBuilder<Ticket> r)
    {
        r.IntegerPrimaryKey(t => t.Id);
        r.Attribute(t => t.Subject, a => a.MinLength(3).MaxLength(200));
        r.Attribute(t => t.Body);
        r.Attribute(t => t.Status, a => a.Default(TicketStatus.Open));
        r.Attribute(t => t.Priority, a => a.Default((short)3).Min(1).Max(5));
        r.Attribute(t => t.EstimatedHours, a => a.Precision(6, 2));
        r.Attribute(t => t.DueOn);
        r.Attribute(t => t.Labels);
        r.Attribute(t => t.SearchText, a => a.Generated("lower(subject || ' ' || coalesce(body, ''))"));
        r.Timestamps();
        r.BelongsTo(t => t.Organization);
        r.BelongsTo(t => t.Reporter);
        r.BelongsTo(t => t.Assignee);
        r.BelongsTo(t => t.MergedInto);
        r.HasMany(t => t.Comments);
        r.ManyToMany(t => t.Tags, m => m.Through<TicketTag, long, Guid>(j => j.TicketId, j => j.TagId));
        r.DefaultActions();
        r.Create("open", a => a.Accept(t => t.Subject, t => t.Body, t => t.Priority, t => t.Labels, t => t.OrganizationId, t => t.ReporterId));
        r.Update("assign", a => a.Accept(t => t.AssigneeId).Set(t => t.Status, TicketStatus.InProgress));
        r.Update("close", a => a.Set(t => t.Status, TicketStatus.Closed));

        // An action with logic: a typed argument, a validation of the record as read, a change, and an after-action
        // hook that keeps the resolution as a comment in the same transaction (a failing hook rolls the close back).
        r.Update("resolve", a => a
            .Argument<string>("resolution", x => x.Required().MaxLength(2000))
            .Validate(v => v.AttributeDoesNotEqual(t => t.Status, TicketStatus.Closed), message: "is already closed")
            .Change(c => c.Set(t => t.Status, TicketStatus.Closed))
            .AfterAction(async (cs, ticket, ct) => await cs.Context.Domain.CreateAsync<Comment>(
                new { body = cs.GetArgument<string>("resolution"), ticket_id = ticket.Id, author_id = ticket.AssigneeId ?? ticket.ReporterId },
                tenant: cs.Context.Tenant, cancellationToken: ct)));
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg
            .Table("tickets").Repo<HelpDeskRepo>()
            .Reference(t => t.Organization, f => f.OnDelete(OnDelete.Delete).Index())

            // The reporter and the assignee must belong to the ticket's organization: composite keys onto
            // users (id, organization_id). Deleting an assignee unassigns the ticket but keeps its organization.
            .Reference(t => t.Reporter, f => f
                .OnDelete(OnDelete.Restrict).OnUpdate(OnUpdate.Restrict)
                .MatchWith("organization_id", "organization_id").Match(ReferenceMatchType.Full))
            .Reference(t => t.Assignee, f => f
                .NilifyColumns("assignee_id").Deferrable(Deferrable.Yes)
                .MatchWith("organization_id", "organization_id")
                .Index("assignee_id IS NOT NULL"))

            // A merged ticket keeps pointing at the ticket it was merged into, even after that one is purged.
            .Reference(t => t.MergedInto, f => f.Ignore())
            .CheckConstraint("estimate_not_negative", "estimated_hours >= 0",
                message: "must not be negative", attributes: t => t.EstimatedHours)
            .Index(["status", "-inserted_at"], i => i.Where("status <> 'closed'"))
            .Index(["labels"], i => i.Using("gin"))
            .Index(["assignee_id", "status"], i => i.Include("priority", "subject").Where("status <> 'closed'").Name("tickets_queue_index"))
            .Index(["due_on"], i => i.Where("due_on IS NOT NULL").Concurrently())
            .IndexOnExpressions(["lower(subject)"], i => i.Name("tickets_subject_lower_index"))
            .Statement("open_tickets_view",
                up: """
                    CREATE VIEW "{tenant}"."open_tickets" AS
                    SELECT t.id, t.subject, t.priority, o.name AS organization_name, a.name AS assignee_name
                    FROM "{tenant}"."tickets" t
                    JOIN "helpdesk"."organizations" o ON o.id = t.organization_id
                    LEFT JOIN "helpdesk"."users" a ON a.id = t.assignee_id
                    WHERE t.status <> 'closed'
                    """,
                down: "DROP VIEW \"{tenant}\".\"open_tickets\"",
                afterTables: ["organizations", "users"]));
    }
}
