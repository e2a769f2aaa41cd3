using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Bulk.Counters;

public sealed class Team : IResource<Team>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public int Bonus { get; set; }

    public static void Define(ResourceBuilder<Team> r)
    {
        r.UuidPrimaryKey(t => t.Id);
        r.Attribute(t => t.Name);
        r.Attribute(t => t.Bonus, a => a.Default(0));
        r.DefaultActions();
        r.Postgres(pg => pg.Table("teams").Repo<CounterRepo>());
    }
}
