using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.DataLayer.Outage;

/// <summary>A row written again and again while the server restarts.</summary>
public sealed class Reading : IResource<Reading>
{
    public Guid Id { get; set; }

    public string Label { get; set; } = "";

    public static void Define(ResourceBuilder<Reading> r)
    {
        r.UuidPrimaryKey(x => x.Id);
        r.Attribute(x => x.Label);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("readings").Repo<OutageRepo>());
    }
}
