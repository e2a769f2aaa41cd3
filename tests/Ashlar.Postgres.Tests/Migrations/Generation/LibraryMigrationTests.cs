using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Tests.Migrations.Generation.Library;
using Ashlar.Testing;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.MigrationHarness;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

public sealed class LibraryMigrationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_generated_migration_creates_exactly_the_declared_schema_and_round_trips_up_down_up()
    {
        await ServerVersion.RequireAsync(database.DataSource, PostgresCapabilities.Since(PostgresFeature.NullsNotDistinct),
            "NULLS NOT DISTINCT and SET NULL (columns), for the library's identities and references", TestContext.Current.CancellationToken);
        using var dir = new TempDirectory();
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = dir.Path });
        var domain = LibraryDomain.Build();
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var empty = await CatalogAsync(connection);

        var result = generator.Generate(domain, "create library");
        var files = Files(dir.Path, "library", result.Repos.Single().Migrations);
        await UpAsync(connection, files);
        var created = await CatalogAsync(connection);

        AssertCatalogMatches(MigrationGenerator.Schemas(domain)["library"], created);
        Assert.Equal(["library.authors", "library.books", "library.chapters", "public.tags"], created.Tables.Select(t => t.QualifiedName));
        var books = created.Table("library", "books")!;
        Assert.Equal((8, 3, 2), (books.Indexes.Count, books.ForeignKeys.Count, books.Checks.Count));
        Assert.Equal(["citext", "pg_trgm"], created.Extensions);
        Assert.Equal(GenerationResult.NoChanges, generator.Generate(domain).Summary);
        Assert.True(generator.Check(domain).Ok);

        await DownAsync(connection, files);
        Assert.Equal(Text(empty), Text(await CatalogAsync(connection)));

        await UpAsync(connection, files);
        Assert.Equal(Text(created), Text(await CatalogAsync(connection)));
    }
}
