using System.Text;
using Ashlar.Postgres.Schema;
using Ashlar.Postgres.Snapshots;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.Models;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

public sealed class SnapshotStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ashlar-snapshot-store-").FullName;

    private static readonly TableModel Posts = Table("posts", Column("title", "character varying(200)", false, "'untitled'"), Column("user_id", "uuid")) with
    {
        ForeignKeys =
        [
            new ForeignKeyModel
            {
                Name = "posts_user_id_fkey", Columns = ["user_id"], ReferencedSchema = "public", ReferencedTable = "users", ReferencedColumns = ["id"],
                OnDelete = ForeignKeyAction.SetNull, OnUpdate = ForeignKeyAction.Cascade, Deferrable = ForeignKeyDeferral.InitiallyImmediate,
            },
        ],
        Indexes = [new IndexModel { Name = "posts_title_index", Fields = [new IndexKeyModel("title", null, true)], Where = "title <> ''", Include = ["user_id"] }],
        Checks = [new CheckModel("title_long", "length(title) > 2")],
        Statements = [new StatementModel("posts_comment", "COMMENT ON TABLE posts IS 'x'", "COMMENT ON TABLE posts IS NULL", false) { AfterTables = ["public.users"] }],
    };

    private static readonly SchemaModel Blog = new()
    {
        Schemas = ["blog"],
        Extensions = ["citext"],
        Tables = [Posts, Table("users", Column("email", "citext", false))],
    };

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void What_codegen_writes_loads_back_as_the_same_schema()
    {
        var store = new SnapshotStore(_directory, "blog_repo");
        Save(store.Changes(new SchemaModel(), Blog, [], "20261207100000", dev: false));

        var loaded = store.Load(includeDev: true);

        Assert.Equal(Texts(Blog), Texts(loaded));
        Assert.Equal(["blog"], loaded.Schemas);
        Assert.Equal(["citext"], loaded.Extensions);
        Assert.Empty(store.Changes(loaded, Blog, [], "20261207100001", dev: false));
    }

    [Fact]
    public void The_latest_version_of_each_table_is_loaded_and_dev_versions_only_when_asked()
    {
        var store = new SnapshotStore(_directory, "blog_repo");
        Save(store.Changes(new SchemaModel(), Blog, [], "20261207100000", dev: false));
        var widened = Blog with { Tables = [Posts with { Columns = [.. Posts.Columns, Column("score", "integer")] }, Blog.Tables[1]] };
        Save(store.Changes(Blog, widened, [], "20261207110000", dev: true));

        Assert.Equal(Texts(widened), Texts(store.Load(includeDev: true)));
        Assert.Equal(Texts(Blog), Texts(store.Load(includeDev: false)));
    }

    [Fact]
    public void A_snapshot_saved_with_a_byte_order_mark_loads()
    {
        var store = new SnapshotStore(_directory, "blog_repo");
        foreach (var (path, text) in store.Changes(new SchemaModel(), Blog, [], "20261207100000", dev: false))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        }

        Assert.Equal(Texts(Blog), Texts(store.Load(includeDev: true)));
    }

    [Fact]
    public void A_broken_snapshot_file_is_named_in_the_error()
    {
        var store = new SnapshotStore(_directory, "blog_repo");
        Save(store.Changes(new SchemaModel(), Blog, [], "20261207100000", dev: false));
        var broken = Path.Combine(store.Directory, "public.posts", "20261207120000.json");
        File.WriteAllText(broken, "{ \"format\": 1, \"table\": { \"schema\": ");

        var error = Assert.Throws<InvalidDataException>(() => store.Load(includeDev: true));

        Assert.StartsWith(broken + " is not a valid Ashlar snapshot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_holding_the_declared_table_loads_as_read_from_its_file()
    {
        var store = new SnapshotStore(_directory, "blog_repo");
        var checks = Posts with { Checks = [new CheckModel("title_short", "length(title) < 300"), .. Posts.Checks] };
        Save(store.Changes(new SchemaModel(), Blog with { Tables = [checks, Blog.Tables[1]] }, [], "20261207100000", dev: false));
        // The declarations add rename hints (compared without them) and USING casts (never stored); the checks are
        // stored sorted by name.
        var hinted = checks with
        {
            RenamedFrom = ["articles"],
            Columns = [Posts.Columns[0], Posts.Columns[1] with { RenamedFrom = ["heading"], Using = "title::text", UsingDown = "title" }, Posts.Columns[2]],
        };
        var declared = Blog with { Tables = [hinted, Blog.Tables[1]] };

        var fresh = new SnapshotStore(_directory, "blog_repo");
        var loaded = fresh.Load(includeDev: true, declared);
        var parsed = new SnapshotStore(_directory, "blog_repo").Load(includeDev: true);

        Assert.Equal(Texts(parsed), Texts(loaded));
        var posts = Assert.Single(loaded.Tables, t => t.Name == "posts");
        Assert.Empty(posts.RenamedFrom);
        Assert.All(posts.Columns, c => Assert.True(c.RenamedFrom.Count == 0 && c.Using is null && c.UsingDown is null));
        Assert.Equal(["title_long", "title_short"], posts.Checks.Select(c => c.Name));
        Assert.Empty(fresh.Changes(loaded, declared, [], "20261207120000", dev: false));
        Assert.Empty(fresh.Differences(loaded, declared, []));
    }

    [Fact]
    public void A_snapshot_written_differently_but_holding_the_declared_table_is_no_change()
    {
        var store = new SnapshotStore(_directory, "blog_repo");
        foreach (var (path, text) in store.Changes(new SchemaModel(), Blog, [], "20261207100000", dev: false))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Compact JSON with Windows line ends: other bytes, the same snapshot.
            File.WriteAllText(path, System.Text.Json.Nodes.JsonNode.Parse(text)!.ToJsonString() + "\r\n");
        }

        var loaded = store.Load(includeDev: true, Blog);

        Assert.Equal(Texts(Blog), Texts(loaded));
        Assert.Empty(store.Changes(loaded, Blog, [], "20261207110000", dev: false));
        Assert.Empty(store.Differences(loaded, Blog, []));
        var widened = Blog with { Tables = [Posts with { Columns = [.. Posts.Columns, Column("score", "integer")] }, Blog.Tables[1]] };
        var (path2, text2) = Assert.Single(store.Changes(loaded, widened, [], "20261207110000", dev: false));
        Assert.EndsWith(Path.Combine("public.posts", "20261207110000.json"), path2, StringComparison.Ordinal);
        Assert.Equal(SnapshotJson.Write(new TableSnapshot { Table = widened.Tables[0] }), text2);
        Assert.Contains("columns.score: declared, not in the snapshot", Assert.Single(store.Differences(loaded, widened, [])), StringComparison.Ordinal);
    }

    private static void Save(IEnumerable<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    private static List<string> Texts(SchemaModel model) =>
        [.. model.Tables.OrderBy(t => t.QualifiedName, StringComparer.Ordinal).Select(t => SnapshotJson.Write(new TableSnapshot { Table = t }))];
}
