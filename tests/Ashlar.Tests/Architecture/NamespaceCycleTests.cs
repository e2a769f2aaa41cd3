using Ashlar.Domains;
using Xunit;

namespace Ashlar.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    // Expression nodes point at the definitions they read (RefExpr → AttributeDefinition, ExistsExpr → its path of
    // RelationshipDefinition), and a relationship's or aggregate's declared filter and sort are stored, translated,
    // as expressions on the definition. The two form one model graph built by DomainModel.Build; that is the one
    // cycle allowed. Anything joining it, or any other cycle, fails here.
    private static readonly string[] OneModel = ["Ashlar.Expressions", "Ashlar.Resources"];

    // Known debt, each back-edge listed so it cannot grow unseen (none left: the last ones, from the features merged on
    // 7 December, were removed). An entry added here must say which type brings it; the test fails once it is gone.
    private static readonly (string From, string To)[] KnownDebt =
    [
    ];

    [Fact]
    public void The_namespaces_of_Ashlar_use_each_other_without_cycles()
    {
        var graph = NamespaceGraph.Of(typeof(DomainModel).Assembly);
        foreach (var (from, to) in KnownDebt)
        {
            Assert.True(graph[from].Remove(to), $"{from} -> {to} is no longer used: delete it from KnownDebt");
        }

        var cycles = NamespaceGraph.Cycles(graph);

        var report = string.Join("\n", cycles.Select(c => string.Join(" <-> ", c) + ":\n" + string.Join("\n",
            c.SelectMany(from => graph[from].Where(e => c.Contains(e.Key)).Select(e => $"  {from} -> {e.Key}: {e.Value}")))));
        Assert.True(cycles.Count == 0 || (cycles.Count == 1 && cycles[0].SequenceEqual(OneModel)), "Namespace cycles:\n" + report);
    }

    [Fact]
    public void The_graph_sees_uses_in_signatures_and_in_method_bodies()
    {
        var graph = NamespaceGraph.Of(typeof(DomainModel).Assembly);

        // A field (Domain._planner), a local in a method body (the planner's lambda translation) and a base type.
        Assert.Contains("Ashlar.Queries", graph["Ashlar.Domains"].Keys);
        Assert.Contains("Ashlar.Expressions.Linq", graph["Ashlar.Queries"].Keys);
        Assert.Contains("Ashlar.Expressions", graph["Ashlar.Expressions.Linq"].Keys);
    }

    [Fact]
    public void A_cycle_between_two_namespaces_is_found()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "a uses b" },
            ["B"] = new() { ["C"] = "b uses c" },
            ["C"] = new() { ["A"] = "c uses a" },
            ["D"] = new() { ["A"] = "d uses a" },
        };

        Assert.Equal(["A", "B", "C"], Assert.Single(NamespaceGraph.Cycles(graph)));
    }
}
