using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace HelpDesk.Resources;

/// <summary>
/// A piece of a customer's equipment. Schema per tenant: each organization's assets live in the organization's own
/// schema (see <see cref="Organization"/>'s <c>ManageTenant</c>), so one customer's assets are never another's.
/// </summary>
public sealed class Asset : IResource<Asset>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string? SerialNumber { get; set; }

    public DateTimeOffset InsertedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static void Define(ResourceBuilder<Asset> r)
    {
        r.UuidV7PrimaryKey(a => a.Id);
        r.Attribute(a => a.Name, a => a.MinLength(2).MaxLength(120));
        r.Attribute(a => a.SerialNumber);
        r.Timestamps();
        r.Identity("unique_serial_number", a => a.SerialNumber, i => i.Message("another asset of this organization has this serial number"));
        r.DefaultActions();
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("assets").Repo<HelpDeskRepo>());
    }
}
