using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Diffing;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Schema;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.Models;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

public sealed class GeneratorFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 27, 15, 30, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private MigrationGenerator Generator(IRenamePrompt? prompt = null) =>
        new(new MigrationGeneratorOptions { MigrationsDirectory = _dir.Path, TimeProvider = _clock, Prompt = prompt });

    private static Dictionary<string, SchemaModel> App(params TableModel[] tables) => new() { ["app"] = Model(tables) };

    private MigrationFile ReadMigration(string relative) =>
        MigrationFileFormat.Read(Path.GetFileName(relative), File.ReadAllText(Path.Combine(_dir.Path, relative)));

    [Fact]
    public void The_first_run_writes_a_migration_and_snapshots_and_the_second_finds_no_changes()
    {
        var first = Generator().Generate(App(Table("posts", Column("title"))), "Add posts");
        var second = Generator().Generate(App(Table("posts", Column("title"))), "again");

        Assert.Equal(["Snapshots/app/public.posts/20261127153000.json", "app/20261127153000_add_posts.sql"], _dir.Files());
        Assert.Equal("app: 20261127153000_add_posts.sql (1 statement)", first.Summary);
        Assert.Equal("No changes detected", second.Summary);
        Assert.Empty(second.Repos[0].Written);
        Assert.Equal(2, _dir.Files().Count);
        var migration = ReadMigration("app/20261127153000_add_posts.sql");
        Assert.Equal(["DROP TABLE \"public\".\"posts\""], migration.Down);
    }

    [Fact]
    public void A_declared_table_rename_generates_a_rename_and_moves_the_snapshot()
    {
        Generator().Generate(App(Table("posts")), "posts");
        _clock.Now = _clock.Now.AddMinutes(1);

        var result = Generator().Generate(App(Table("articles") with { RenamedFrom = ["posts"] }), "rename posts");

        Assert.Equal(["rename table public.posts to articles"], result.Repos[0].Operations.Select(o => o.Description));
        Assert.Contains("Snapshots/app/public.articles/20261127153100.json", _dir.Files());
        Assert.Contains("\"table\": null", File.ReadAllText(Path.Combine(_dir.Path, "Snapshots/app/public.posts/20261127153100.json")), StringComparison.Ordinal);
        Assert.Equal("No changes detected", Generator().Generate(App(Table("articles") with { RenamedFrom = ["posts"] })).Summary);
    }

    [Fact]
    public void Removing_RenamedFrom_after_the_rename_changes_nothing_and_writes_no_snapshot()
    {
        Generator().Generate(App(Table("posts")), "posts");
        _clock.Now = _clock.Now.AddMinutes(1);
        Generator().Generate(App(Table("articles") with { RenamedFrom = ["posts"] }), "rename posts");
        var files = _dir.Files();
        _clock.Now = _clock.Now.AddMinutes(1);

        var check = Generator().Check(App(Table("articles")));
        var result = Generator().Generate(App(Table("articles")), "drop the hint");

        Assert.True(check.Ok, check.ToString());
        Assert.Equal("No changes detected", result.Summary);
        Assert.Equal(files, _dir.Files());
    }

    [Fact]
    public void A_snapshot_difference_is_described_field_by_field_with_named_items_matched_by_name()
    {
        var before = """{"name": "posts", "columns": [{"name": "title", "max_length": 200}, {"name": "body"}]}""";
        var after = """{"name": "posts", "columns": [{"name": "title", "max_length": 120}, {"name": "summary"}]}""";

        var lines = Ashlar.Postgres.Snapshots.SnapshotDiff.Describe(before, after);

        Assert.Equal(["columns.title.max_length: 200 → 120", "columns.body: in the snapshot, no longer declared", "columns.summary: declared, not in the snapshot"], lines);
    }

    [Fact]
    public void A_dropped_table_asks_first_and_remembers_a_no()
    {
        Generator().Generate(App(Table("posts"), Table("legacy")), "init");
        var no = new ScriptedPrompt(rename: false, drop: false);

        var declined = Generator(no).Generate(App(Table("posts")), "drop legacy");
        var again = new ScriptedPrompt(rename: false, drop: true);
        var later = Generator(again).Generate(App(Table("posts")), "drop legacy");

        Assert.Equal(["drop public.legacy?"], no.Questions);
        Assert.Equal("No changes detected", declined.Summary);
        Assert.Contains("Snapshots/app/declined_drops.json", _dir.Files());
        Assert.Empty(again.Questions);
        Assert.Equal("No changes detected", later.Summary);
        Assert.True(Generator().Check(App(Table("posts"))).Ok);
    }

    [Fact]
    public void A_declined_drop_is_forgotten_once_the_table_is_declared_again()
    {
        Generator().Generate(App(Table("posts"), Table("legacy")), "init");
        Generator(new ScriptedPrompt(rename: false, drop: false)).Generate(App(Table("posts")), "keep");
        Generator().Generate(App(Table("posts"), Table("legacy")), "back");
        var prompt = new ScriptedPrompt(rename: false, drop: false);

        Generator(prompt).Generate(App(Table("posts")), "again");

        Assert.Equal(["drop public.legacy?"], prompt.Questions);
    }

    [Fact]
    public void A_confirmed_drop_writes_a_drop_with_a_data_loss_warning_in_the_header()
    {
        Generator().Generate(App(Table("posts"), Table("legacy")), "init");
        _clock.Now = _clock.Now.AddMinutes(1);

        var result = Generator(new ScriptedPrompt(rename: false, drop: true)).Generate(App(Table("posts")), "drop legacy");

        var migration = Assert.Single(result.Repos[0].Migrations);
        Assert.Equal(["DROP TABLE \"public\".\"legacy\""], migration.Up);
        Assert.Equal(["data loss: drops table public.legacy and every row in it; down recreates it empty"], migration.Warnings);
        Assert.Contains("-- warning: data loss: drops table public.legacy", MigrationFileFormat.Write(migration), StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_always_increase_even_when_the_clock_stands_still()
    {
        Generator().Generate(App(Table("a")), "a");
        Generator().Generate(App(Table("a"), Table("b")), "b");

        Assert.Equal(["app/20261127153000_a.sql", "app/20261127153001_b.sql"], _dir.Files("app"));
    }

    [Fact]
    public void A_concurrent_index_on_an_existing_table_gets_a_migration_of_its_own_outside_a_transaction()
    {
        Generator().Generate(App(Table("posts", Column("title"))), "init");
        _clock.Now = _clock.Now.AddMinutes(1);
        var index = new IndexModel { Name = "posts_title_index", Fields = [new("title", null, false)], Concurrently = true };

        var result = Generator().Generate(App(Table("posts", Column("title"), Column("body")) with { Indexes = [index] }), "index titles");

        var files = result.Repos[0].Migrations;
        Assert.Equal(["index_titles", "index_titles_2"], files.Select(f => f.Name));
        Assert.True(files[0].Transactional);
        Assert.False(files[1].Transactional);
        Assert.Equal(["CREATE INDEX CONCURRENTLY \"posts_title_index\" ON \"public\".\"posts\" (\"title\")"], files[1].Up);
        Assert.Contains("-- ashlar:no-transaction", File.ReadAllText(Path.Combine(_dir.Path, "app", files[1].FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_that_need_a_concurrent_index_go_to_a_transactional_migration_after_it()
    {
        Generator().Generate(App(Table("users", Column("email", nullable: false))), "init");
        _clock.Now = _clock.Now.AddMinutes(1);
        var emailKey = new IndexModel { Name = "users_email_index", Fields = [new("email", null, false)], Unique = true, Concurrently = true };
        var invites = Table("invites", Column("email")) with
        {
            ForeignKeys = [new ForeignKeyModel { Name = "invites_email_fkey", Columns = ["email"], ReferencedSchema = "public", ReferencedTable = "users", ReferencedColumns = ["email"] }],
        };

        var files = Generator().Generate(App(Table("users", Column("email", nullable: false)) with { Indexes = [emailKey] }, invites), "invites").Repos[0].Migrations;

        Assert.Equal([("invites", true), ("invites_2", false), ("invites_3", true)], files.Select(f => (f.Name, f.Transactional)));
        Assert.StartsWith("CREATE TABLE \"public\".\"invites\"", files[0].Up[0], StringComparison.Ordinal);
        Assert.StartsWith("ALTER TABLE \"public\".\"invites\" ADD CONSTRAINT \"invites_email_fkey\"", Assert.Single(files[2].Up), StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_migrations_fail_the_check_and_a_named_run_squashes_them_into_one()
    {
        Generator().Generate(App(Table("posts")), "init");
        _clock.Now = _clock.Now.AddMinutes(1);
        Generator().Generate(App(Table("posts", Column("title"))), dev: true);
        _clock.Now = _clock.Now.AddMinutes(1);
        Generator().Generate(App(Table("posts", Column("title"), Column("body"))), dev: true);

        var check = Generator().Check(App(Table("posts", Column("title"), Column("body"))));
        var squash = Generator().Generate(App(Table("posts", Column("title"), Column("body"))), "add text");

        Assert.False(check.Ok);
        Assert.Contains("app: dev file 20261127153100_dev_migrate_resources_2.sql remains; run codegen with a name to squash it", check.Differences);
        Assert.Contains("app: dev file public.posts/20261127153200_dev.json remains; run codegen with a name to squash it", check.Differences);
        Assert.Equal(check.Differences.Count, check.Differences.Distinct().Count());
        Assert.Equal(4, squash.Repos[0].Deleted.Count);
        Assert.Equal(["add column public.posts.title", "add column public.posts.body"], squash.Repos[0].Operations.Select(o => o.Description));
        Assert.Equal(["app/20261127153000_init.sql", "app/20261127153201_add_text.sql"], _dir.Files("app"));
        Assert.True(Generator().Check(App(Table("posts", Column("title"), Column("body")))).Ok);
    }

    [Fact]
    public void The_check_lists_what_differs_between_declarations_and_snapshots()
    {
        Generator().Generate(App(Table("posts")), "init");

        var check = Generator().Check(App(Table("posts", Column("title"))));

        Assert.Equal(["app: add column public.posts.title"], check.Differences);
        Assert.StartsWith("Codegen check failed", check.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_returns_the_files_but_writes_nothing()
    {
        var result = Generator().Generate(App(Table("posts")), "init", dryRun: true);

        Assert.Equal(2, result.Repos[0].Written.Count);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "app")));
    }
}
