using Ashlar.Benchmarks.Model;
using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Queries;
using BenchmarkDotNet.Attributes;

namespace Ashlar.Benchmarks;

/// <summary>Ashlar's client-side cost alone: lambda → expression tree → plan → SQL text, no database.</summary>
public class CompileBenchmarks
{
    private Domain _domain = null!;

    [GlobalSetup]
    public async Task Setup() => _domain = (await BenchDatabase.GetAsync()).Domain;

    [Benchmark(Description = "Compile: filtered, sorted, limited")]
    public string CompileTop1000()
    {
        var min = 5000;
        return _domain.ToSql(Query.For<Post>().Filter(p => p.Score > min && p.Published).Sort(p => p.Score, descending: true).Sort(p => p.Id).Limit(1000));
    }

    [Benchmark(Description = "Compile: to-one join, exists, aggregate")]
    public string CompileRelationships()
    {
        var name = "Author 7";
        return _domain.ToSql(Query.For<Post>()
            .Filter(p => p.Author!.Name == name && p.Comments!.Any(c => c.AuthorId == p.AuthorId))
            .LoadAggregate(p => p.CommentCount));
    }
}
