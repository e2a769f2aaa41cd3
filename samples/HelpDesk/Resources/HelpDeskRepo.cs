using Ashlar.Postgres.Repos;

namespace HelpDesk.Resources;

/// <summary>The help desk's database: it needs citext for case-insensitive e-mail addresses.</summary>
public sealed class HelpDeskRepo : PostgresRepo
{
    public override IReadOnlyList<string> InstalledExtensions => ["citext"];

    public override Version MinPostgresVersion => new(15, 0);
}
