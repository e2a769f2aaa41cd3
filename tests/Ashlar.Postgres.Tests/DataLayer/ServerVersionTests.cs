using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.DataLayer.Future;
using Ashlar.Testing;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class ServerVersionTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_older_than_the_repo_minimum_is_one_typed_error_naming_both_versions()
    {
        await using var domain = PostgresDomain.Create(DomainModel.Build("future", d => d.Resource<Probe>()), pg => pg.Repo<FutureRepo>(db.ConnectionString));
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        var server = connection.PostgreSqlVersion;

        var creating = await Assert.ThrowsAsync<FrameworkException>(() => domain.Postgres().CreateSchemaAsync(Ct));
        var writing = await Assert.ThrowsAsync<FrameworkException>(() => domain.CreateAsync<Probe>(new { name = "x" }, cancellationToken: Ct));

        foreach (var exception in new[] { creating, writing })
        {
            var error = Assert.IsType<UnsupportedFeature>(Assert.Single(exception.Errors));
            Assert.Contains($"PostgreSQL {server}", error.Message, StringComparison.Ordinal);
            Assert.Contains("PostgreSQL 99.0", error.Message, StringComparison.Ordinal);
            Assert.Contains("FutureRepo", error.Message, StringComparison.Ordinal);
            Assert.Contains("MinPostgresVersion", error.Message, StringComparison.Ordinal);
        }

        await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename = 'probes'", connection);
        Assert.Equal(0L, await tables.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task A_repo_whose_minimum_is_16_is_refused_at_start_by_an_older_server_naming_both_versions_and_runs_on_16_and_newer()
    {
        await using var domain = PostgresDomain.Create(DomainModel.Build("sixteen", d => d.Resource<SixteenProbe>()), pg => pg.Repo<SixteenRepo>(db.ConnectionString));
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        var server = connection.PostgreSqlVersion;

        if (server.Major >= 16)
        {
            await domain.Postgres().CreateSchemaAsync(Ct);
            var created = await domain.CreateAsync<SixteenProbe>(new { name = "runs" }, cancellationToken: Ct);
            Assert.Equal("runs", created.Name);
            return;
        }

        var exception = await Assert.ThrowsAsync<FrameworkException>(() => domain.Postgres().CreateSchemaAsync(Ct));

        var error = Assert.IsType<UnsupportedFeature>(Assert.Single(exception.Errors));
        Assert.StartsWith($"the server runs PostgreSQL {server}, older than the PostgreSQL 16.0 that the repo SixteenRepo declares", error.Message, StringComparison.Ordinal);
        Assert.Contains($"connect to a PostgreSQL 16 or newer server, or lower MinPostgresVersion to {server.Major}.0", error.Message, StringComparison.Ordinal);
        if (server.Major < 15)
        {
            Assert.Contains($"PostgreSQL {server.Major} has no ON DELETE SET NULL (columns), NULLS NOT DISTINCT, MERGE)", error.Message, StringComparison.Ordinal);
        }

        await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename = 'sixteen_probes'", connection);
        Assert.Equal(0L, await tables.ExecuteScalarAsync(Ct));
    }
}
