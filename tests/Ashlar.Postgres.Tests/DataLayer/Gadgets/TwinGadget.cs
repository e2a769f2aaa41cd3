using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.DataLayer.Gadgets;

/// <summary>A table with the same name as <see cref="Gadget"/>'s, in another schema: its constraints share names.</summary>
public sealed class TwinGadget : IResource<TwinGadget>
{
    public Guid Id { get; set; }

    public string? Code { get; set; }

    public static void Define(ResourceBuilder<TwinGadget> r)
    {
        r.UuidPrimaryKey(g => g.Id);
        r.Attribute(g => g.Code);
        r.Identity("unique_code", g => g.Code);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("gadgets").Schema("lab_twin").Repo<GadgetRepo>());
    }
}
