using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace HelpDesk.Resources;

/// <summary>A message on a ticket, in the ticket's organization's schema.</summary>
public sealed class Comment : IResource<Comment>
{
    public Guid Id { get; set; }

    public string Body { get; set; } = "";

    public bool Internal { get; set; }

    public long TicketId { get; set; }

    public Guid AuthorId { get; set; }

    public Ticket? Ticket { get; set; }

    public User? Author { get; set; }

    /// <summary>When the comment was archived (soft-destroyed), or null while it shows.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    public DateTimeOffset InsertedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static void Define(ResourceBuilder<Comment> r)
    {
        r.UuidV7PrimaryKey(c => c.Id);
        r.Attribute(c => c.Body, a => a.MinLength(1).MaxLength(10_000));
        r.Attribute(c => c.Internal, a => a.Default(false));
        r.Timestamps();
        r.BelongsTo(c => c.Ticket);
        r.BelongsTo(c => c.Author);

        // Added after the table existed: declared last, like the column ALTER TABLE … ADD COLUMN appended.
        r.Attribute(c => c.ArchivedAt);
        r.DefaultActions();

        // A soft destroy: the row stays, archived_at is set; "visible" leaves archived comments out.
        r.Destroy("archive", a => a.Soft(c => c.ArchivedAt));
        r.Read("visible", a => a.Filter(c => c.ArchivedAt == null).Sort(c => c.InsertedAt));
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg
            .Table("comments").Repo<HelpDeskRepo>()
            .Reference(c => c.Ticket, f => f.OnDelete(OnDelete.Delete).OnUpdate(OnUpdate.Update).Index())
            .Reference(c => c.Author, f => f.OnDelete(OnDelete.Nothing).OnUpdate(OnUpdate.Nothing)));
    }
}
