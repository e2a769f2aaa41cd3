using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.DataLayer.Gadgets;

public sealed class Manual : IResource<Manual>
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public Guid GadgetId { get; set; }

    public Gadget? Gadget { get; set; }

    public static void Define(ResourceBuilder<Manual> r)
    {
        r.IntegerPrimaryKey(m => m.Id);
        r.Attribute(m => m.Title);
        r.BelongsTo(m => m.Gadget);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("manuals").Schema("lab").Repo<GadgetRepo>()
            .Reference(m => m.Gadget, f => f.OnDelete(OnDelete.Delete)));
    }
}
