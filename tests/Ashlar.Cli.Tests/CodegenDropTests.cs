using Ashlar.Domains;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Repos;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Cli.Tests;

/// <summary>codegen never drops a table or column nobody allowed, and leaves a table handed over with Migrate(false) alone.</summary>
public sealed class CodegenDropTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ashlar-drops-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private string RepoDirectory => Path.Combine(_root, "notes_repo");

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private Task<int> RunAsync<TNote>(TextReader? input, params string[] args)
        where TNote : class, IResource<TNote> =>
        AshlarCli.RunAsync(args, DomainModel.Build("notes", d => d.Resource<TNote>()), new CliOptions
        {
            MigrationsDirectory = _root,
            Output = _out,
            Error = _err,
            Input = input,
        }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Without_a_terminal_a_dropped_column_fails_listing_it_until_allow_drops_is_passed()
    {
        Assert.Equal(0, await RunAsync<NoteV1>(null, "codegen", "initial"));

        Assert.Equal(1, await RunAsync<NoteV2>(null, "codegen", "remove_legacy", "--yes"));

        Assert.Contains("column public.notes.legacy", _err.ToString(), StringComparison.Ordinal);
        Assert.Contains("--allow-drops", _err.ToString(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(RepoDirectory));

        Assert.Equal(0, await RunAsync<NoteV2>(null, "codegen", "remove_legacy", "--allow-drops"));

        var migration = Assert.Single(Directory.GetFiles(RepoDirectory), f => f.EndsWith("_remove_legacy.sql", StringComparison.Ordinal));
        Assert.Contains("DROP COLUMN \"legacy\"", await File.ReadAllTextAsync(migration, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_codegen_asks_before_dropping_naming_the_column()
    {
        Assert.Equal(0, await RunAsync<NoteV1>(null, "codegen", "initial"));

        Assert.Equal(0, await RunAsync<NoteV2>(new StringReader("y\n"), "codegen", "remove_legacy"));

        Assert.Contains("Drop the column public.notes.legacy (its values are lost)? [y/N]", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(RepoDirectory).Length);
    }

    [Fact]
    public async Task Turning_migrations_off_for_a_resource_drops_nothing_and_says_it_was_skipped()
    {
        Assert.Equal(0, await RunAsync<NoteV1>(null, "codegen", "initial"));

        Assert.Equal(0, await RunAsync<NoteHandedOver>(null, "codegen", "hand_over", "--allow-drops"));

        Assert.Contains("No changes detected\n1 resource has migrations turned off and was skipped (its table is left alone): notes_repo: public.notes",
            _out.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(RepoDirectory));
        Assert.Equal(0, await RunAsync<NoteHandedOver>(null, "check"));
    }

    public sealed class NotesRepo : PostgresRepo;

    public sealed class NoteV1 : IResource<NoteV1>
    {
        public Guid Id { get; set; }

        public string? Legacy { get; set; }

        public static void Define(ResourceBuilder<NoteV1> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.Legacy);
            r.Postgres(pg => pg.Table("notes").Repo<NotesRepo>());
        }
    }

    public sealed class NoteV2 : IResource<NoteV2>
    {
        public Guid Id { get; set; }

        public static void Define(ResourceBuilder<NoteV2> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Postgres(pg => pg.Table("notes").Repo<NotesRepo>());
        }
    }

    public sealed class NoteHandedOver : IResource<NoteHandedOver>
    {
        public Guid Id { get; set; }

        public static void Define(ResourceBuilder<NoteHandedOver> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Postgres(pg => pg.Table("notes").Repo<NotesRepo>().Migrate(false));
        }
    }
}
