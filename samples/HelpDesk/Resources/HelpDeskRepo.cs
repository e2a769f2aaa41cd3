using Ashlar.Postgres.Repos;

namespace HelpDesk.Resources;

/// <summary>
/// The help desk's database: it needs citext for case-insensitive e-mail addresses and pg_trgm for fuzzy
/// searches over canned replies (<c>helpdesk.suggest_replies</c>, see <see cref="CannedReply"/>).
/// </summary>
public sealed class HelpDeskRepo : PostgresRepo
{
    public override IReadOnlyList<string> InstalledExtensions => ["citext", "pg_trgm"];

    public override Version MinPostgresVersion => new(15, 0);
}
