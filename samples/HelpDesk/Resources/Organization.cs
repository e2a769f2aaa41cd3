using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace HelpDesk.Resources;

/// <summary>
/// A customer of the help desk. Each organization is a tenant: creating one creates its schema <c>org_&lt;id&gt;</c>
/// holding its <see cref="Ticket"/>s (with their comments and tags) and <see cref="Asset"/>s, migrated to the newest
/// tenant migration; destroying it drops that schema. Its <see cref="Tickets"/> are read in a tenant only.
/// </summary>
public sealed class Organization : IResource<Organization>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string? Domain { get; set; }

    public Dictionary<string, object?>? Settings { get; set; }

    public DateTimeOffset InsertedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<User>? Users { get; set; }

    public List<Ticket>? Tickets { get; set; }

    /// <summary>This organization's tenant: pass it as <c>tenant:</c> to read or write its tickets and assets.</summary>
    public string Tenant => TenantOf(Id);

    /// <summary>The tenant (the schema name) of the organization with <paramref name="id"/>.</summary>
    public static string TenantOf(Guid id) => "org_" + id;

    public static void Define(ResourceBuilder<Organization> r)
    {
        r.UuidV7PrimaryKey(o => o.Id);
        r.Attribute(o => o.Name, a => a.MinLength(2).MaxLength(120));
        r.Attribute(o => o.Domain);
        r.Attribute(o => o.Settings);
        r.Timestamps();
        r.HasMany(o => o.Users);
        r.HasMany(o => o.Tickets);
        r.Identity("unique_name", o => o.Name, i => i.Message("an organization with this name already exists"));
        r.DefaultActions();
        r.Postgres(pg => pg
            .Table("organizations").Schema("helpdesk").Repo<HelpDeskRepo>()
            .Index(["domain"], i => i.Unique("another organization already uses this domain", "domain"))
            .ManageTenant(o => TenantOf(o.Id), t => t.DropSchemaOnDestroy()));
    }
}
