using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Bulk.Counters;

/// <summary>A versioned record with bounded attributes, for optimistic locking and atomic changes.</summary>
public sealed class Counter : IResource<Counter>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Label { get; set; } = "";

    public int Score { get; set; }

    public long Hits { get; set; }

    public int Version { get; set; }

    public Guid? TeamId { get; set; }

    public Team? Team { get; set; }

    public DateTimeOffset InsertedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static void Define(ResourceBuilder<Counter> r)
    {
        r.UuidPrimaryKey(c => c.Id);
        r.Attribute(c => c.Name);
        r.Attribute(c => c.Label, a => a.MaxLength(6).Default(""));
        r.Attribute(c => c.Score, a => a.Min(0).Max(10).Default(0));
        r.Attribute(c => c.Hits, a => a.Default(0L));
        r.OptimisticLock(c => c.Version);
        r.BelongsTo(c => c.Team);
        r.Timestamps();
        r.Identity("unique_counter_name", c => c.Name);
        r.DefaultActions();
        r.Update("bump", a => a.Atomic(c => c.Score, c => c.Score + 1));
        r.Update("add_team_bonus", a => a.Atomic(c => c.Score, c => c.Score + c.Team!.Bonus));
        r.Create("enlist", a => a.Accept(c => c.Name, c => c.Label, c => c.TeamId)
            .ValidateAtomically(c => c.Hits == 0 && !c.Team!.Counters!.Any(o => o.Hits > 100), "hits", "cannot be relabelled once it has hits"));
        r.Postgres(pg => pg.Table("counters").Repo<CounterRepo>());
    }
}
