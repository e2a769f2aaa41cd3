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
