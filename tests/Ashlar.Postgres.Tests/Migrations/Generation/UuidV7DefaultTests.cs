using Ashlar.Domains;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Tests.Migrations.Generation.Events;
using Ashlar.Testing;
using Npgsql;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.MigrationHarness;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

public sealed class UuidV7DefaultTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_uuid_v7_key_has_a_database_default_below_postgresql_18_and_the_migration_converges()
    {
        using var dir = new TempDirectory();
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = dir.Path });
        var domain = DomainModel.Build("events", d => d.Resource<Event>());
        await using var connection = await database.DataSource.OpenConnectionAsync(Ct);
        var empty = await CatalogAsync(connection);

        var files = Files(dir.Path, "events", generator.Generate(domain, "create events").Repos.Single().Migrations);
        await UpAsync(connection, files);

        var created = await CatalogAsync(connection);
        AssertCatalogMatches(MigrationGenerator.Schemas(domain)["events"], created);
        Assert.Equal(["journal.ashlar_uuid_v7"], created.Functions);
        Assert.Equal(GenerationResult.NoChanges, generator.Generate(domain).Summary);
        var id = await ScalarAsync<Guid>(connection, "INSERT INTO journal.events (name) VALUES ('by plain SQL') RETURNING id");
        Assert.Equal(7, id.Version);

        await DownAsync(connection, files);
        Assert.Equal(Text(empty), Text(await CatalogAsync(connection)));
    }

    [Fact]
    public void On_a_minimum_of_postgresql_18_a_uuid_v7_key_uses_the_native_function()
    {
        var schema = MigrationGenerator.Schemas(DomainModel.Build("native", d => d.Resource<NativeEvent>()))["native_events"];

        Assert.Equal("uuidv7()", schema.Table("journal", "events")!.Columns.Single(c => c.Name == "id").Default);
        Assert.Empty(schema.Functions);
    }

    [Fact]
    public async Task On_postgresql_18_a_minimum_of_18_key_is_filled_by_the_native_uuidv7_and_the_migration_converges()
    {
        await ServerVersion.RequireAsync(database.DataSource, PostgresCapabilities.Since(PostgresFeature.NativeUuidV7), "native uuidv7()", Ct);
        using var dir = new TempDirectory();
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = dir.Path });
        var domain = DomainModel.Build("native", d => d.Resource<NativeEvent>());
        await using var connection = await database.DataSource.OpenConnectionAsync(Ct);
        var empty = await CatalogAsync(connection);

        var files = Files(dir.Path, "native_events", generator.Generate(domain, "create native events").Repos.Single().Migrations);
        await UpAsync(connection, files);

        var created = await CatalogAsync(connection);
        AssertCatalogMatches(MigrationGenerator.Schemas(domain)["native_events"], created);
        Assert.Equal("uuidv7()", created.Table("journal", "events")!.Columns.Single(c => c.Name == "id").Default);
        Assert.Empty(created.Functions);
        Assert.Equal(GenerationResult.NoChanges, generator.Generate(domain).Summary);
        var id = await ScalarAsync<Guid>(connection, "INSERT INTO journal.events (name) VALUES ('by plain SQL') RETURNING id");
        Assert.Equal(7, id.Version);
        Assert.True(await ScalarAsync<bool>(connection, $"SELECT uuid_extract_version('{id}') = 7 AND uuid_extract_timestamp('{id}') <= clock_timestamp()"));

        await DownAsync(connection, files);
        Assert.Equal(Text(empty), Text(await CatalogAsync(connection)));
    }

    [Fact]
    public async Task The_installed_function_gives_version_7_variant_10_values_that_carry_the_time_and_sort_by_it()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(Ct);

        // Rolled back at the end, so the schema and function do not stay for the tests that migrate from an empty catalog.
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var domain = DomainModel.Build("events", d => d.Resource<Event>());
        await using (var batch = new NpgsqlCommand(
            "CREATE SCHEMA IF NOT EXISTS journal; " + string.Join("; ", SchemaCreator.Statements(MigrationGenerator.Schemas(domain)["events"]).Where(s => s.Contains("FUNCTION", StringComparison.Ordinal))),
            connection))
        {
            await batch.ExecuteNonQueryAsync(Ct);
        }

        // Version nibble 7, variant bits 10, and the first 48 bits are the Unix milliseconds of the call.
        var wellFormed = await ScalarAsync<bool>(connection, """
            WITH v AS (SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS before, journal.ashlar_uuid_v7() AS id,
                              floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS after
                       FROM generate_series(1, 2000))
            SELECT bool_and(get_byte(uuid_send(id), 6) >> 4 = 7 AND get_byte(uuid_send(id), 8) >> 6 = 2
                            AND ('x' || substr(replace(id::text, '-', ''), 1, 12))::bit(48)::bigint BETWEEN before AND after)
            FROM v
            """);
        Assert.True(wellFormed);

        // A value made in a later millisecond sorts after an earlier one.
        var first = await ScalarAsync<Guid>(connection, "SELECT journal.ashlar_uuid_v7()");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        bool later;
        do
        {
            Assert.True(clock.Elapsed < Patience, "the server's clock did not move on");
            later = await ScalarAsync<bool>(connection, $"SELECT (('x' || substr(replace(journal.ashlar_uuid_v7()::text, '-', ''), 1, 12))::bit(48)::bigint) > (('x' || substr(replace('{first}', '-', ''), 1, 12))::bit(48)::bigint)");
        }
        while (!later);

        Assert.True(await ScalarAsync<bool>(connection, $"SELECT journal.ashlar_uuid_v7() > '{first}'::uuid"));
        var distinct = await ScalarAsync<long>(connection, "SELECT count(DISTINCT journal.ashlar_uuid_v7()) FROM generate_series(1, 10000)");
        Assert.Equal(10000, distinct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
