using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Migrations.Generation.Events;

/// <summary>A repo for PostgreSQL 15 and later: no native <c>uuidv7()</c>.</summary>
public sealed class EventRepo : PostgresRepo
{
    public override Version MinPostgresVersion => new(15, 0);

    public override string Name => "events";
}
