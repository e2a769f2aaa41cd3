using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Tests.Migrations.Generation.Events;
using Ashlar.Resources;
using Ashlar.Testing;
using Npgsql;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.MigrationHarness;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

/// <summary>Custom index keys given as lambdas (<c>x =&gt; new { x.Active, x.DueOn }</c>) instead of column names.</summary>
public sealed class IndexSelectorTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Index_keys_given_as_lambdas_make_the_same_indexes_as_column_names_and_the_migration_converges()
    {
        using var dir = new TempDirectory();
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = dir.Path });
        var domain = DomainModel.Build("planning", d => d.Resource<LambdaTask>());
        var byName = DomainModel.Build("planning", d => d.Resource<NamedTask>());
        Assert.Equal(Text(MigrationGenerator.Schemas(byName)["events"]), Text(MigrationGenerator.Schemas(domain)["events"]));
        await using var connection = await database.DataSource.OpenConnectionAsync(Ct);
        var empty = await CatalogAsync(connection);

        var files = Files(dir.Path, "events", generator.Generate(domain, "create tasks").Repos.Single().Migrations);
        await UpAsync(connection, files);

        AssertCatalogMatches(MigrationGenerator.Schemas(domain)["events"], await CatalogAsync(connection));
        Assert.Equal(
            [
                "CREATE INDEX tasks_active_due_on_index ON planning.tasks USING btree (active, due_on DESC) WHERE active",
                "CREATE UNIQUE INDEX tasks_pkey ON planning.tasks USING btree (id)",
                "CREATE INDEX tasks_title_index ON planning.tasks USING btree (title)",
            ],
            await IndexDefinitionsAsync(connection));
        Assert.Equal(GenerationResult.NoChanges, generator.Generate(domain).Summary);

        await DownAsync(connection, files);
        Assert.Equal(Text(empty), Text(await CatalogAsync(connection)));
    }

    [Fact]
    public void An_index_selector_that_is_not_a_lambda_and_a_descending_key_outside_the_index_are_declaration_problems()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("planning", d => d.Resource<MisIndexedTask>()));

        var notLambda = Assert.Single(error.Problems, p => p.Problem.Contains("`keys`", StringComparison.Ordinal));
        Assert.Equal(("MisIndexedTask", "index"), (notLambda.Resource, notLambda.Option));
        Assert.Contains("write a lambda like `x => x.Name`", notLambda.Fix, StringComparison.Ordinal);
        var descending = Assert.Single(error.Problems, p => p.Problem.StartsWith("inserted_at is not a key column", StringComparison.Ordinal));
        Assert.Equal("inserted_at is not a key column of the index (active, due_on)", descending.Problem);
        var nested = Assert.Single(error.Problems, p => p.Problem.Contains("it goes past Title", StringComparison.Ordinal));
        Assert.Equal("index", nested.Option);
    }

    private static async Task<List<string>> IndexDefinitionsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'planning' AND tablename = 'tasks' ORDER BY indexname", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var definitions = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            definitions.Add(reader.GetString(0));
        }

        return definitions;
    }

    public sealed class LambdaTask : IResource<LambdaTask>
    {
        public int Id { get; set; }

        public string Title { get; set; } = "";

        public bool Active { get; set; }

        public DateOnly? DueOn { get; set; }

        public static void Define(ResourceBuilder<LambdaTask> r)
        {
            r.IntegerPrimaryKey(x => x.Id);
            r.Attribute(x => x.Title);
            r.Attribute(x => x.Active);
            r.Attribute(x => x.DueOn);
            r.DefaultActions();
            r.Postgres(pg => pg.Table("tasks").Schema("planning").Repo<EventRepo>()
                .Index(x => x.Title)
                .Index(
                    x => new
                    {
                        x.Active, // first key
                        x.DueOn,
                    },
                    i => i.Descending("due_on").Where("active")));
        }
    }

    public sealed class NamedTask : IResource<NamedTask>
    {
        public int Id { get; set; }

        public string Title { get; set; } = "";

        public bool Active { get; set; }

        public DateOnly? DueOn { get; set; }

        public static void Define(ResourceBuilder<NamedTask> r)
        {
            r.IntegerPrimaryKey(x => x.Id);
            r.Attribute(x => x.Title);
            r.Attribute(x => x.Active);
            r.Attribute(x => x.DueOn);
            r.DefaultActions();
            r.Postgres(pg => pg.Table("tasks").Schema("planning").Repo<EventRepo>()
                .Index(["title"])
                .Index(["active", "-due_on"], i => i.Where("active")));
        }
    }

    public sealed class MisIndexedTask : IResource<MisIndexedTask>
    {
        public int Id { get; set; }

        public string Title { get; set; } = "";

        public bool Active { get; set; }

        public DateOnly? DueOn { get; set; }

        public static void Define(ResourceBuilder<MisIndexedTask> r)
        {
            Func<MisIndexedTask, object?> keys = x => x.Title;
            r.IntegerPrimaryKey(x => x.Id);
            r.Attribute(x => x.Title);
            r.Attribute(x => x.Active);
            r.Attribute(x => x.DueOn);
            r.DefaultActions();
            r.Postgres(pg => pg.Table("tasks").Schema("planning").Repo<EventRepo>()
                .Index(keys)
                .Index(x => x.Title.Length)
                .Index(x => new { x.Active, x.DueOn }, i => i.Descending("inserted_at")));
        }
    }
}
