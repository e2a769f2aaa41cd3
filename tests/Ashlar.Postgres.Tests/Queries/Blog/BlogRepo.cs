using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Queries.Blog;

public sealed class BlogRepo : PostgresRepo
{
    public override IReadOnlyList<string> InstalledExtensions => ["citext"];
}
