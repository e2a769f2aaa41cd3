using Ashlar.Postgres.Repos;

namespace Ashlar.Cli.Tests.Future;

/// <summary>A repo declaring a PostgreSQL that does not exist yet, so every real server is too old for it.</summary>
public sealed class FutureRepo : PostgresRepo
{
    public override Version MinPostgresVersion => new(99, 0);
}
