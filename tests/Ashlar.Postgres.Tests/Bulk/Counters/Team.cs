using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Bulk.Counters;

public sealed class Team : IResource<Team>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public int Bonus { get; set; }

    public List<Counter>? Counters { get; set; }

    public int? CounterCount { get; set; }

    public static void Define(ResourceBuilder<Team> r)
    {
        r.UuidPrimaryKey(t => t.Id);
        r.Attribute(t => t.Name);
        r.Attribute(t => t.Bonus, a => a.Default(0));
        r.HasMany(t => t.Counters);
        r.Count(t => t.CounterCount, t => t.Counters);
        r.DefaultActions();
        r.Update("rename", a => a.Accept(t => t.Name).ValidateAtomically(t => !t.Counters!.Any(), "counters", "cannot be renamed once it has counters"));
        r.Update("rebonus", a => a.Accept(t => t.Bonus).ValidateAtomically(t => t.CounterCount < 2, "bonus", "cannot change once the team has two counters"));
        r.Postgres(pg => pg.Table("teams").Repo<CounterRepo>());
    }
}
