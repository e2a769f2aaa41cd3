using Ashlar.Errors;
using Npgsql;

namespace Ashlar.Postgres.Repos;

/// <summary>
/// Refuses a server older than the repo's <see cref="PostgresRepo.MinPostgresVersion"/> on the first connection, with
/// one typed error instead of whatever statement would fail first (e.g. <c>syntax error at or near "NULLS"</c>).
/// </summary>
internal static class ServerVersionCheck
{
    /// <exception cref="FrameworkException">The server is older than the repo's minimum; the error names both and the fix.</exception>
    public static void Ensure(NpgsqlConnection connection, PostgresRepo repo)
    {
        var server = connection.PostgreSqlVersion;
        var minimum = repo.MinPostgresVersion;
        if (server >= minimum)
        {
            return;
        }

        var lacks = PostgresCapabilities.Of(server).Lacks(PostgresCapabilities.Of(minimum));
        var missing = lacks.Count == 0 ? "" : $" (PostgreSQL {server.Major} has no {string.Join(", ", lacks.Select(PostgresCapabilities.Describe))})";
        throw AshlarException.From(new UnsupportedFeature(
            $"the server runs PostgreSQL {server}, older than the PostgreSQL {minimum} that the repo {repo.GetType().Name} declares as its " +
            $"MinPostgresVersion{missing}; connect to a PostgreSQL {minimum.Major} or newer server, or lower MinPostgresVersion to {server.Major}.0 " +
            "and change the declarations that the domain build then says need a newer server"));
    }
}
