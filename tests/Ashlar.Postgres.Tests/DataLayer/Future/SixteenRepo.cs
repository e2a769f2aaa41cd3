using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.DataLayer.Future;

/// <summary>A repo whose minimum is PostgreSQL 16: a 14 or 15 server is too old for it, a 16, 17 or 18 server is not.</summary>
public sealed class SixteenRepo : PostgresRepo
{
    public override Version MinPostgresVersion => new(16, 0);
}
