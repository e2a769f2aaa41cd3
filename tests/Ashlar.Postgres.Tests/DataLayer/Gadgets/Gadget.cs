using System.Text.Json.Nodes;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.DataLayer.Gadgets;

/// <summary>A resource with one attribute of every supported type.</summary>
public sealed class Gadget : IResource<Gadget>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string? Code { get; set; }

    public string Secret { get; set; } = "";

    public long Serial { get; set; }

    public double Weight { get; set; }

    public bool Enabled { get; set; }

    public decimal Price { get; set; }

    public TimeOnly? OpensAt { get; set; }

    public DateTime? LocalStamp { get; set; }

    public DateTime? UtcStamp { get; set; }

    public byte[]? Blob { get; set; }

    public GadgetKind Kind { get; set; }

    public JsonObject? Extra { get; set; }

    public List<int>? Sizes { get; set; }

    public Guid[]? Related { get; set; }

    public List<DateTimeOffset>? Seen { get; set; }

    public GadgetKind[]? Kinds { get; set; }

    public List<int?>? Slots { get; set; }

    public decimal? Small { get; set; }

    public Manual? Manual { get; set; }

    public static void Define(ResourceBuilder<Gadget> r)
    {
        r.UuidPrimaryKey(g => g.Id);
        r.Attribute(g => g.Name, a => a.CaseInsensitive());
        r.Attribute(g => g.Code);
        r.Attribute(g => g.Secret, a => a.Private().Default("hidden"));
        r.Attribute(g => g.Serial, a => a.Default(0L));
        r.Attribute(g => g.Weight, a => a.Default(1.5));
        r.Attribute(g => g.Enabled, a => a.Default(true));
        r.Attribute(g => g.Price, a => a.Precision(10, 2).Default(0m));
        r.Attribute(g => g.OpensAt);
        r.Attribute(g => g.LocalStamp, a => a.Naive());
        r.Attribute(g => g.UtcStamp);
        r.Attribute(g => g.Blob);
        r.Attribute(g => g.Kind, a => a.Default(GadgetKind.Widget));
        r.Attribute(g => g.Extra);
        r.Attribute(g => g.Sizes);
        r.Attribute(g => g.Related);
        r.Attribute(g => g.Seen);
        r.Attribute(g => g.Kinds);
        r.Attribute(g => g.Slots);
        r.Attribute(g => g.Small, a => a.Precision(4, 2));
        r.HasOne(g => g.Manual);
        r.Identity("unique_code", g => g.Code, i => i.NilsDistinct(false));
        r.Identity("unique_enabled_name", g => g.Name, i => i.Where("enabled"));
        r.DefaultActions();
        r.Postgres(pg => pg.Table("gadgets").Schema("lab").Repo<GadgetRepo>());
    }
}
