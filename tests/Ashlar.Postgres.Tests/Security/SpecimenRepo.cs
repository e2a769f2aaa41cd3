using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Security;

public sealed class SpecimenRepo : PostgresRepo
{
    public override IReadOnlyList<string> InstalledExtensions => ["citext"];
}
