using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace HelpDesk.Resources;

/// <summary>A person who opens or answers tickets.</summary>
public sealed class User : IResource<User>
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public UserRole Role { get; set; }

    public bool Active { get; set; }

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public DateTimeOffset InsertedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static void Define(ResourceBuilder<User> r)
    {
        r.UuidPrimaryKey(u => u.Id);
        r.Attribute(u => u.Email, a => a.CaseInsensitive().MaxLength(254));
        r.Attribute(u => u.Name, a => a.MaxLength(120));
        r.Attribute(u => u.Role, a => a.Default(UserRole.Customer));
        r.Attribute(u => u.Active, a => a.Default(true));
        r.Timestamps();
        r.BelongsTo(u => u.Organization);
        r.Identity("unique_email", u => u.Email);

        // Tickets refer to (id, organization_id) so that reporter and assignee are members of the ticket's organization.
        r.Identity("unique_membership", u => new { u.OrganizationId, u.Id });
        r.DefaultActions();
        r.Update("deactivate", a => a.Set(u => u.Active, false));
        r.Postgres(pg => pg
            .Table("users").Schema("helpdesk").Repo<HelpDeskRepo>()
            .Reference(u => u.Organization, f => f.OnDelete(OnDelete.Delete)));
    }
}
