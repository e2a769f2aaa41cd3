using Ashlar.Postgres.Migrations.Generation;
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
        using var dir = new TempDirectory();
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = dir.Path });
        var domain = HelpDeskDomain.Build();
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var empty = await CatalogAsync(connection);

        var result = generator.Generate(domain, "create help desk");
        var repo = Assert.Single(result.Repos);
        var files = Files(dir.Path, repo.Repo, repo.Migrations);
        await UpAsync(connection, files);

        AssertCatalogMatches(MigrationGenerator.Schemas(domain)[repo.Repo], await CatalogAsync(connection));
        Assert.Equal(GenerationResult.NoChanges, generator.Generate(domain).Summary);
        await DownAsync(connection, files);
        Assert.Equal(Text(empty), Text(await CatalogAsync(connection)));
    }
}
