using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Migrations.Generation.Library;

/// <summary>The test library's database: case-insensitive text and trigram search, PostgreSQL 15+.</summary>
public sealed class LibraryRepo : PostgresRepo
{
    public override IReadOnlyList<string> InstalledExtensions => ["citext", "pg_trgm"];

    public override Version MinPostgresVersion => new(15, 0);

    public override string Name => "library";
}
