using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Queries.Blog;

/// <summary>A second repo (another database, as far as Ashlar knows).</summary>
public sealed class UnrelatedRepo : PostgresRepo
{
}
