using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Bulk.Counters;

public sealed class CounterRepo : PostgresRepo;
