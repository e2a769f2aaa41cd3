using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Migrations.Generation.Events;

/// <summary>A repo for PostgreSQL 18 and later, which has <c>uuidv7()</c>.</summary>
public sealed class NativeEventRepo : PostgresRepo
{
    public override Version MinPostgresVersion => new(18, 0);

    public override string Name => "native_events";
}
