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
}
