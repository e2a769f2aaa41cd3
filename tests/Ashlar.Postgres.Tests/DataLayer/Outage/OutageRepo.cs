using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.DataLayer.Outage;

/// <summary>The repo of the restart test: the default minimum, so the test runs on every supported server.</summary>
public sealed class OutageRepo : PostgresRepo;
