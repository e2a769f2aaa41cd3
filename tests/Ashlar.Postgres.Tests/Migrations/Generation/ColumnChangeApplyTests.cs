using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Migrations.Diffing;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Schema;
using Ashlar.Testing;
using Npgsql;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.MigrationHarness;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

/// <summary>Column changes whose generated migrations must apply to the real server, converge, and roll back.</summary>
public sealed class ColumnChangeApplyTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_nullable_column_made_an_identity_gets_not_null_before_the_identity_and_applies()
    {
        var v1 = Model("to_identity", new ColumnModel { Name = "number", Type = "bigint" });
        var v2 = Model("to_identity", new ColumnModel { Name = "number", Type = "bigint", Nullable = false, Identity = true });

        var files = await RoundTripAsync("to_identity", v1, v2, "INSERT INTO to_identity.t (number) VALUES (5)");

        Assert.Contains("SET NOT NULL", string.Join("\n", files.SelectMany(f => f.Up)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_type_change_while_a_check_on_the_column_is_dropped_drops_the_check_first()
    {
        var plain = Model("check_type", new ColumnModel { Name = "code", Type = "text" });
        var v1 = plain with { Tables = [plain.Tables[0] with { Checks = [new CheckModel("code_digits", "code ~ '^[0-9]+$'")] }] };
        var v2 = Model("check_type", new ColumnModel { Name = "code", Type = "integer" });

        var files = await RoundTripAsync("check_type", v1, v2, "INSERT INTO check_type.t (code) VALUES ('42')");

        var up = files.SelectMany(f => f.Up).ToList();
        Assert.True(up.FindIndex(s => s.Contains("DROP CONSTRAINT", StringComparison.Ordinal)) < up.FindIndex(s => s.Contains(" TYPE ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_type_and_default_changed_together_drop_the_old_default_change_the_type_then_set_the_new_default()
    {
        var v1 = Model("default_type", new ColumnModel { Name = "state", Type = "text", Nullable = false, Default = "'draft'" });
        var v2 = Model("default_type", new ColumnModel { Name = "state", Type = "integer", Nullable = false, Default = "0" });

        var files = await RoundTripAsync("default_type", v1, v2, "INSERT INTO default_type.t (state) VALUES ('1')");

        Assert.Equal(
            ["ALTER TABLE \"default_type\".\"t\" ALTER COLUMN \"state\" DROP DEFAULT",
             "ALTER TABLE \"default_type\".\"t\" ALTER COLUMN \"state\" TYPE integer USING \"state\"::integer",
             "ALTER TABLE \"default_type\".\"t\" ALTER COLUMN \"state\" SET DEFAULT 0"],
            Assert.Single(files).Up);
    }

    [Fact]
    public void A_type_change_no_cast_can_make_is_refused_at_generation_naming_the_column_the_types_and_the_fix()
    {
        using var dir = new TempDirectory();
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = dir.Path, TimeProvider = Clock() });
        generator.Generate(Repo(Model("no_cast", new ColumnModel { Name = "at", Type = "bigint" })), "v1");

        var error = Assert.Throws<ColumnTypeChangeException>(() =>
            generator.Generate(Repo(Model("no_cast", new ColumnModel { Name = "at", Type = "timestamp with time zone" })), "v2"));

        Assert.Equal(("no_cast.t", "at", "bigint", "timestamp with time zone"), (error.Table, error.Column, error.From, error.To));
        Assert.Contains("MigrationUsing", error.Message, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(dir.Path, "test")));
    }

    [Fact]
    public async Task A_declared_conversion_changes_a_type_no_cast_can_make_and_its_down_converts_back()
    {
        var v1 = Model("using_type", new ColumnModel { Name = "at", Type = "bigint" });
        var declared = new ColumnModel
        {
            Name = "at",
            Type = "timestamp with time zone",
            Using = "to_timestamp(at)",
            UsingDown = "extract(epoch FROM at)::bigint",
        };
        var v2 = Model("using_type", declared);

        var files = await RoundTripAsync("using_type", v1, v2, "INSERT INTO using_type.t (at) VALUES (1700000000)");

        Assert.Contains("USING to_timestamp(at)", Assert.Single(files).Up[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_conversion_declared_with_MigrationUsing_reaches_the_column_but_not_its_snapshot()
    {
        var domain = Ashlar.Domains.DomainModel.Build("events", d => d.Resource<Happening>());

        var column = MigrationGenerator.Schemas(domain)["happening_repo"].Tables[0].Column("at")!;

        Assert.Equal(("to_timestamp(at)", "extract(epoch FROM at)::bigint"), (column.Using, column.UsingDown));
        var snapshot = Ashlar.Postgres.Snapshots.SnapshotJson.Write(new Ashlar.Postgres.Snapshots.TableSnapshot { Table = MigrationGenerator.Schemas(domain)["happening_repo"].Tables[0] });
        Assert.DoesNotContain("to_timestamp", snapshot, StringComparison.Ordinal);
    }

    public sealed class HappeningRepo : Repos.PostgresRepo;

    public sealed class Happening : Resources.IResource<Happening>
    {
        public Guid Id { get; set; }

        public DateTimeOffset At { get; set; }

        public static void Define(Resources.ResourceBuilder<Happening> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.At);
            r.Postgres(pg => pg.Table("happenings").Repo<HappeningRepo>().MigrationUsing(x => x.At, "to_timestamp(at)", down: "extract(epoch FROM at)::bigint"));
        }
    }

    /// <summary>
    /// Generates and applies <paramref name="v1"/>, seeds a row, generates and applies <paramref name="v2"/>, checks the
    /// catalog and that a second codegen (also without the declared conversions) finds nothing, then rolls back and checks
    /// the catalog is the one before.
    /// </summary>
    private async Task<List<Ashlar.Postgres.Migrations.MigrationFile>> RoundTripAsync(string schema, SchemaModel v1, SchemaModel v2, string seed)
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var clock = Clock();
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = dir.Path, TimeProvider = clock });
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await UpAsync(connection, Files(dir.Path, "test", generator.Generate(Repo(v1), "v1").Repos[0].Migrations));
        await using (var command = new NpgsqlCommand(seed, connection))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        var before = await CatalogAsync(connection, schema);
        clock.Now = clock.Now.AddMinutes(1);

        var files = Files(dir.Path, "test", generator.Generate(Repo(v2), "v2").Repos[0].Migrations);
        await UpAsync(connection, files);

        AssertCatalogMatches(v2, await CatalogAsync(connection, schema));
        Assert.Equal(GenerationResult.NoChanges, generator.Generate(Repo(v2)).Summary);
        var plain = v2 with { Tables = v2.Tables.Select(t => t with { Columns = t.Columns.Select(c => c with { Using = null, UsingDown = null }).ToList() }).ToList() };
        Assert.Equal(GenerationResult.NoChanges, generator.Generate(Repo(plain)).Summary);
        await DownAsync(connection, files);
        Assert.Equal(Text(before), Text(await CatalogAsync(connection, schema)));
        return files;
    }

    private static async Task<SchemaModel> CatalogAsync(NpgsqlConnection connection, string schema)
    {
        var catalog = await MigrationHarness.CatalogAsync(connection);
        return catalog with { Schemas = [schema], Extensions = [], Tables = catalog.Tables.Where(t => t.Schema == schema).ToList() };
    }

    private static FixedClock Clock() => new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

    private static SchemaModel Model(string schema, ColumnModel column) => new()
    {
        Schemas = [schema],
        Tables =
        [
            new TableModel
            {
                Schema = schema, Name = "t", Columns = [new ColumnModel { Name = "id", Type = "bigint", Nullable = false, Identity = true }, column],
                PrimaryKey = ["id"],
            },
        ],
    };

    private static Dictionary<string, SchemaModel> Repo(SchemaModel model) => new() { ["test"] = model };
}
