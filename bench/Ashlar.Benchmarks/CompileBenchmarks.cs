using Ashlar.Benchmarks.Model;
using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Queries;
using BenchmarkDotNet.Attributes;

namespace Ashlar.Benchmarks;

/// <summary>
/// Ashlar's client-side cost alone: lambda → expression tree → plan → SQL text, no database. <c>ToSql</c> goes
/// through the data layer's per-shape SQL cache (every iteration after the first is a hit); the "uncached" rows
/// compile the same plan from scratch, for comparison.
/// </summary>
public class CompileBenchmarks
{
    private Domain _domain = null!;

    private long[] _ids = [];

    [GlobalSetup]
    public async Task Setup()
    {
        var db = await BenchDatabase.GetAsync();
        _domain = db.Domain;
        _ids = db.ThousandIdLists[0];
    }

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

    [Benchmark(Description = "Compile: 1,000 ids + count aggregate")]
    public string CompileIdListAggregate()
    {
        var ids = _ids;
        return _domain.ToSql(Query.For<Post>().Filter(p => ids.Contains(p.Id)).Select(p => p.Id).LoadAggregate(p => p.CommentCount));
    }

    [Benchmark(Description = "Uncached: filtered, sorted, limited")]
    public string UncachedTop1000()
    {
        var min = 5000;
        return Uncached(Query.For<Post>().Filter(p => p.Score > min && p.Published).Sort(p => p.Score, descending: true).Sort(p => p.Id).Limit(1000));
    }

    [Benchmark(Description = "Uncached: to-one join, exists, aggregate")]
    public string UncachedRelationships()
    {
        var name = "Author 7";
        return Uncached(Query.For<Post>()
            .Filter(p => p.Author!.Name == name && p.Comments!.Any(c => c.AuthorId == p.AuthorId))
            .LoadAggregate(p => p.CommentCount));
    }

    [Benchmark(Description = "Uncached: 1,000 ids + count aggregate")]
    public string UncachedIdListAggregate()
    {
        var ids = _ids;
        return Uncached(Query.For<Post>().Filter(p => ids.Contains(p.Id)).Select(p => p.Id).LoadAggregate(p => p.CommentCount));
    }

    private string Uncached(Query<Post> query) =>
        ReadCompiler.Compile(_domain.Model, new QueryPlanner(_domain.Model, _domain.Model.InputLimits).Read(_domain.Model.Resource<Post>(), query, null)).Text;
}
