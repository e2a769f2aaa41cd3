using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Bulk.Counters;

/// <summary>A plain counter without optimistic locking, for concurrent increments.</summary>
public sealed class Tally : IResource<Tally>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public long Total { get; set; }

    public static void Define(ResourceBuilder<Tally> r)
    {
        r.UuidPrimaryKey(t => t.Id);
        r.Attribute(t => t.Name);
        r.Attribute(t => t.Total, a => a.Default(0L));
        r.Identity("unique_tally_name", t => t.Name);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("tallies").Repo<CounterRepo>());
    }
}
