using Ashlar.Postgres.Repos;

namespace Ashlar.Benchmarks.Model;

/// <summary>The benchmark database.</summary>
public sealed class BenchRepo : PostgresRepo;
