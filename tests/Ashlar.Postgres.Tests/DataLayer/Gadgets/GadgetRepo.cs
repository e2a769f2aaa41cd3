using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.DataLayer.Gadgets;

public sealed class GadgetRepo : PostgresRepo
{
    public override IReadOnlyList<string> InstalledExtensions => ["citext"];

    public override Version MinPostgresVersion => new(15, 0);
}
