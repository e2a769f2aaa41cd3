using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Multitenancy.Model;

public sealed class TenancyRepo : PostgresRepo
{
}
