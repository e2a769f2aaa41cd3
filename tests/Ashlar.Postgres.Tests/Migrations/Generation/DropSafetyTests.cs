using Ashlar.Domains;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Migrations.Diffing;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Schema;
using Ashlar.Resources;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.Models;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

/// <summary>No table or column is dropped unless someone allowed it, and a table handed to external management is left alone.</summary>
public sealed class DropSafetyTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

    private static SchemaModel V1 => Model(Table("posts", Column("title"), Column("legacy")), Table("tags"));

    public void Dispose() => _dir.Dispose();

    private MigrationGenerator Generator(IRenamePrompt? prompt = null, bool allowDrops = false) =>
        new(new MigrationGeneratorOptions { MigrationsDirectory = _dir.Path, TimeProvider = _clock, Prompt = prompt, AllowDrops = allowDrops });

    private GenerationResult Generate(SchemaModel model, IRenamePrompt? prompt = null, bool allowDrops = false)
    {
        _clock.Now = _clock.Now.AddMinutes(1);
        return Generator(prompt, allowDrops).Generate(new Dictionary<string, SchemaModel> { ["blog"] = model }, "change");
    }

    [Fact]
    public void A_table_whose_resource_turns_migrations_off_is_not_dropped_and_keeps_its_snapshot()
    {
        Generate(V1);
        var files = _dir.Files();
        var prompt = new ScriptedPrompt(rename: true, drop: true);

        var result = Generate(Model(Table("posts", Column("title"), Column("legacy"))) with { Unmanaged = ["public.tags"] }, prompt);

        Assert.Empty(result.Repos[0].Operations);
        Assert.Empty(prompt.Questions);
        Assert.Equal(files, _dir.Files());
        Assert.Equal(["public.tags"], result.Repos[0].Skipped);
        Assert.Equal("No changes detected\n1 resource has migrations turned off and was skipped (its table is left alone): blog: public.tags", result.Summary);
    }

    [Fact]
    public void A_resource_marked_migrate_false_is_listed_as_unmanaged_in_its_repo_schema()
    {
        var domain = DomainModel.Build("handover", d => d.Resource<Ledger>().Resource<Entry>());

        var schema = MigrationGenerator.Schemas(domain)["handover_repo"];

        Assert.Equal(["public.ledgers"], schema.Tables.Select(t => t.QualifiedName));
        Assert.Equal(["public.entries"], schema.Unmanaged);
    }

    [Fact]
    public void Without_a_prompt_a_drop_is_refused_listing_every_table_and_column_and_nothing_is_written()
    {
        Generate(V1);
        var files = _dir.Files();

        var error = Assert.Throws<DropsNotAllowedException>(() => Generate(Model(Table("posts", Column("title")))));

        Assert.Equal(["table public.tags", "column public.posts.legacy"], error.Drops);
        Assert.Contains("--allow-drops", error.Message, StringComparison.Ordinal);
        Assert.Equal(files, _dir.Files());
    }

    [Fact]
    public void A_prompt_that_cannot_ask_refuses_drops_as_no_prompt_does()
    {
        Generate(V1);

        var error = Assert.Throws<DropsNotAllowedException>(() => Generate(Model(Table("posts", Column("title")), Table("tags")), new ScriptedPrompt(false, true, canConfirmDrops: false)));

        Assert.Equal(["column public.posts.legacy"], error.Drops);
    }

    [Fact]
    public void Allowed_drops_are_written_without_asking()
    {
        Generate(V1);
        var prompt = new ScriptedPrompt(rename: false, drop: false);

        var result = Generate(Model(Table("posts", Column("title"))), prompt, allowDrops: true);

        Assert.Equal(["drop table public.tags", "drop column public.posts.legacy"], result.Repos[0].Operations.Select(o => o.Description));
        Assert.DoesNotContain(prompt.Questions, q => q.StartsWith("drop", StringComparison.Ordinal));
    }

    [Fact]
    public void A_prompt_is_asked_about_each_dropped_table_and_column()
    {
        Generate(V1);
        var prompt = new ScriptedPrompt(rename: false, drop: true);

        var result = Generate(Model(Table("posts", Column("title"))), prompt);

        Assert.Equal(["drop public.tags?", "drop column public.posts.legacy?"], prompt.Questions);
        Assert.Equal(2, result.Repos[0].Operations.Count);
    }

    [Fact]
    public void A_declined_column_drop_stops_the_generation_and_writes_nothing()
    {
        Generate(V1);
        var files = _dir.Files();

        var error = Assert.Throws<DropsNotAllowedException>(() => Generate(Model(Table("posts", Column("title")), Table("tags")), new ScriptedPrompt(false, false)));

        Assert.Contains("chose to keep column public.posts.legacy", error.Message, StringComparison.Ordinal);
        Assert.Equal(files, _dir.Files());
    }

    [Fact]
    public void A_declared_rename_is_not_a_drop_and_needs_no_permission()
    {
        Generate(V1);

        var result = Generate(Model(Table("posts", Column("title"), Column("archive") with { RenamedFrom = ["legacy"] }), Table("articles") with { RenamedFrom = ["tags"] }));

        Assert.Equal(
            ["rename column public.posts.legacy to archive", "rename table public.tags to articles"],
            result.Repos[0].Operations.Select(o => o.Description).Order(StringComparer.Ordinal));
    }

    public sealed class HandoverRepo : PostgresRepo;

    public sealed class Ledger : IResource<Ledger>
    {
        public Guid Id { get; set; }

        public static void Define(ResourceBuilder<Ledger> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Postgres(pg => pg.Table("ledgers").Repo<HandoverRepo>());
        }
    }

    public sealed class Entry : IResource<Entry>
    {
        public Guid Id { get; set; }

        public static void Define(ResourceBuilder<Entry> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Postgres(pg => pg.Table("entries").Repo<HandoverRepo>().Migrate(false));
        }
    }
}
