using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Schema;
using Ashlar.Testing;
using HelpDesk;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.MigrationHarness;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

public sealed class HelpDeskMigrationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_help_desk_migration_creates_exactly_its_declared_schema_and_rolls_back_to_an_empty_database()
    {
        await ServerVersion.RequireAsync(database.DataSource, PostgresCapabilities.Since(PostgresFeature.NullsNotDistinct),
            "NULLS NOT DISTINCT, for the help desk's identities", TestContext.Current.CancellationToken);
        using var dir = new TempDirectory();
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = dir.Path });
        var domain = HelpDeskDomain.Build();
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var empty = await CatalogAsync(connection);

        var result = generator.Generate(domain, "create help desk");
        var repo = Assert.Single(result.Repos, r => r.Repo == "help_desk_repo");
        var files = Files(dir.Path, repo.Repo, repo.Migrations);
        await UpAsync(connection, files);

        AssertCatalogMatches(MigrationGenerator.Schemas(domain)[repo.Repo], await CatalogAsync(connection));
        Assert.Equal(GenerationResult.NoChanges, generator.Generate(domain).Summary);

        // The sample seeds its canned replies with a statement that has no down (Statement("INSERT ...")), so the
        // migration is irreversible, for that reason only. The seed rows go with their table: the downs of every other
        // step, in the generator's order, must leave the database empty.
        var migration = Assert.Single(files);
        Assert.Matches("^statement statement_[0-9a-f]{12} on helpdesk.canned_replies declares no down$", migration.IrreversibleReason);
        var operations = Models.Diff(new SchemaModel(), MigrationGenerator.Schemas(domain)[repo.Repo]);
        Assert.Equal(migration.Up, operations.SelectMany(o => o.Up));
        Assert.Single(operations, o => o.IrreversibleReason is not null);
        await DownAsync(connection, [migration with { Down = operations.Reverse().SelectMany(o => o.Down).ToList(), IrreversibleReason = null }]);
        Assert.Equal(Text(empty), Text(await CatalogAsync(connection)));
    }
}
