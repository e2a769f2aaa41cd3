using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Schema;
using Ashlar.Postgres.Tests.Migrations.Generation.Library;
using Ashlar.Testing;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.MigrationHarness;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

public sealed class LibraryChangeMigrationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_migration_with_every_kind_of_change_reaches_the_new_schema_and_its_down_restores_the_old_catalog_exactly()
    {
        await ServerVersion.RequireAsync(database.DataSource, PostgresCapabilities.Since(PostgresFeature.NullsNotDistinct),
            "NULLS NOT DISTINCT and SET NULL (columns), for the library's identities and references", TestContext.Current.CancellationToken);
        using var dir = new TempDirectory();
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero));
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = dir.Path, TimeProvider = clock, AllowDrops = true });
        var v1 = MigrationGenerator.Schemas(LibraryDomain.Build())["library"];
        var v2 = LibraryChanges.Apply(v1);
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await UpAsync(connection, Files(dir.Path, "library", generator.Generate(Repo(v1), "v1").Repos[0].Migrations));
        var before = await CatalogAsync(connection);
        clock.Now = clock.Now.AddMinutes(1);

        var change = generator.Generate(Repo(v2), "v2").Repos[0];
        var files = Files(dir.Path, "library", change.Migrations);
        await UpAsync(connection, files);

        Assert.Equal([true, false], files.Select(f => f.Transactional));
        Assert.Contains(change.Operations, o => o.Description == "rename table library.chapters to sections");
        Assert.Contains(change.Operations, o => o.Description == "rename column library.authors.name to full_name");
        Assert.Contains(change.Operations, o => o.Description == "rename foreign key chapters_book_id_fkey on library.sections to sections_book_id_fkey");
        Assert.Contains(change.Operations, o => o.Description == "rename index library.authors_email_key_index to authors_unique_email_index");
        Assert.Contains(change.Operations, o => o.Description == "make foreign key books_author_fk on library.books no deferrable");
        Assert.Contains("data loss: drops table public.tags and every row in it; down recreates it empty", files[0].Warnings);
        AssertCatalogMatches(v2, await CatalogAsync(connection));
        Assert.Equal(GenerationResult.NoChanges, generator.Generate(Repo(v2)).Summary);

        await DownAsync(connection, files);
        Assert.Equal(Text(before), Text(await CatalogAsync(connection)));
    }

    private static Dictionary<string, SchemaModel> Repo(SchemaModel model) => new() { ["library"] = model };
}
