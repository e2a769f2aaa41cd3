using Ashlar.Postgres.Repos;

namespace Ashlar.StartupBenchmarks;

/// <summary>The one database every generated resource is stored in.</summary>
public sealed class StartupRepo : PostgresRepo;
