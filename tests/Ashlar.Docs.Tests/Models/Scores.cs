using Ashlar.Resources;

namespace Ashlar.Docs.Tests.Models.Scores;

public sealed class Counter : IResource<Counter>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public int Score { get; set; }

    public int Hits { get; set; }

    public int Version { get; set; }

    public long? TeamId { get; set; }

    public Team? Team { get; set; }

    public static void Define(ResourceBuilder<Counter> r) => r.DefaultActions();
}

public sealed class Team : IResource<Team>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public int Bonus { get; set; }

    public int CounterCount { get; set; }

    public List<Counter>? Counters { get; set; }

    public static void Define(ResourceBuilder<Team> r) => r.DefaultActions();
}
