using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.DataLayer.Future;

/// <summary>A plain resource stored in <see cref="SixteenRepo"/>.</summary>
public sealed class SixteenProbe : IResource<SixteenProbe>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<SixteenProbe> r)
    {
        r.UuidPrimaryKey(p => p.Id);
        r.Attribute(p => p.Name);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("sixteen_probes").Repo<SixteenRepo>());
    }
}
