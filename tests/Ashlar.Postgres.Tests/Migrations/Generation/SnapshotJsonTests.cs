using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Schema;
using Ashlar.Postgres.Snapshots;
using Ashlar.Postgres.Tests.Migrations.Generation.Library;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.Models;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

public sealed class SnapshotJsonTests
{
    private static readonly TableModel Posts = Table("posts", Column("title", "character varying(200)", false, "'untitled'"), Column("user_id", "uuid")) with
    {
        Schema = "blog",
        ForeignKeys =
        [
            new ForeignKeyModel
            {
                Name = "posts_user_id_fkey", Columns = ["user_id"], ReferencedSchema = "blog", ReferencedTable = "users", ReferencedColumns = ["id"],
                OnDelete = ForeignKeyAction.SetNull, NilifyColumns = ["user_id"], OnUpdate = ForeignKeyAction.Cascade, Deferrable = ForeignKeyDeferral.InitiallyDeferred,
                MatchType = ForeignKeyMatch.Full,
            },
        ],
        Indexes =
        [
            new IndexModel { Name = "z_index", Fields = [new IndexKeyModel(null, "lower(title)", true)], Unique = true, Where = "title <> ''", Using = "gin" },
            new IndexModel { Name = "a_index", Fields = [new IndexKeyModel("title", null, false)], Include = ["user_id"], NullsDistinct = false, Concurrently = true },
        ],
        Checks = [new CheckModel("title_long", "length(title) > 2")],
        Statements = [new StatementModel("view", "CREATE VIEW v AS SELECT 1", null, false)],
        RenamedFrom = ["articles"],
    };

    [Fact]
    public void A_table_snapshot_round_trips_exactly_with_sorted_lists_and_snake_case_keys()
    {
        var json = SnapshotJson.Write(new TableSnapshot { Table = Posts });

        var read = SnapshotJson.Read<TableSnapshot>(json, "test.json");

        Assert.Equal(json, SnapshotJson.Write(read));
        Assert.Equal(["a_index", "z_index"], read.Table!.Indexes.Select(i => i.Name));
        Assert.Equal(ForeignKeyDeferral.InitiallyDeferred, read.Table.ForeignKeys[0].Deferrable);
        Assert.Contains("\"referenced_table\": \"users\"", json, StringComparison.Ordinal);
        Assert.Contains("\"on_delete\": \"nilify\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("qualified_name", json, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"format\": 1,\n  \"table\": {\n    \"schema\": \"blog\",\n    \"name\": \"posts\",", json, StringComparison.Ordinal);
    }

    /// <summary>Every property set away from its default, and text the JSON encoder escapes.</summary>
    private static readonly TableModel Everything = Posts with
    {
        Columns =
        [
            Id with { RenamedFrom = ["key", "old_key"] },
            Column("title", "character varying(200)", true, "'<untitled> & \"quoted\" ünïcödé 🎉 \t tab'") with { Generated = "upper(name)", Using = "x", UsingDown = "y" },
        ],
        PrimaryKey = ["id", "title"],
        ForeignKeys =
        [
            Posts.ForeignKeys[0],
            Posts.ForeignKeys[0] with
            {
                Name = "b_fkey", OnDelete = ForeignKeyAction.Restrict, OnUpdate = ForeignKeyAction.NoAction, Deferrable = ForeignKeyDeferral.NotDeferrable,
                MatchType = ForeignKeyMatch.Simple, NilifyColumns = [],
            },
            Posts.ForeignKeys[0] with { Name = "c_fkey", OnDelete = ForeignKeyAction.Cascade, OnUpdate = ForeignKeyAction.SetNull, Deferrable = ForeignKeyDeferral.InitiallyImmediate },
        ],
        Statements = [.. Posts.Statements, new StatementModel("s2", "SELECT '\u0001'", "SELECT 2", true) { AfterTables = ["blog.users", "blog.x"] }],
    };

    [Fact]
    public void The_snapshot_writer_writes_the_bytes_the_serializer_writes()
    {
        var tables = new List<TableModel>
        {
            Posts,
            Everything,
            Table("bare"),
            Everything with { Columns = [Everything.Columns[1] with { Default = null, Generated = null }], Indexes = [], Checks = [], ForeignKeys = [] },
            Posts with { ForeignKeys = [Posts.ForeignKeys[0] with { MatchType = (ForeignKeyMatch)7 }] },
        };
        tables.AddRange(MigrationGenerator.Schemas(HelpDesk.HelpDeskDomain.Build()).Values.SelectMany(m => m.Tables));
        tables.AddRange(MigrationGenerator.Schemas(LibraryDomain.Build()).Values.SelectMany(m => m.Tables));

        Assert.All(tables, t => Assert.Equal(SnapshotJson.Serialize(new TableSnapshot { Table = t }), SnapshotJson.Write(new TableSnapshot { Table = t })));
        Assert.Equal(SnapshotJson.Serialize(new TableSnapshot()), SnapshotJson.Write(new TableSnapshot()));
        Assert.Equal(SnapshotJson.Write(new TableSnapshot { Table = Everything }), System.Text.Encoding.UTF8.GetString(SnapshotJson.WriteUtf8(new TableSnapshot { Table = Everything })));
    }

    [Fact]
    public void The_snapshot_reader_reads_the_table_the_serializer_reads()
    {
        var tables = new List<TableModel> { Posts, Everything, Table("bare"), Posts with { PrimaryKey = [null!], Statements = [] } };
        tables.AddRange(MigrationGenerator.Schemas(HelpDesk.HelpDeskDomain.Build()).Values.SelectMany(m => m.Tables));

        Assert.All(tables, t =>
        {
            var bytes = SnapshotJson.WriteUtf8(new TableSnapshot { Table = t });
            Assert.True(TableSnapshotReader.TryRead(bytes, out var read));
            Assert.Equal(SnapshotJson.Serialize(SnapshotJson.Read<TableSnapshot>(bytes, "t.json")), SnapshotJson.Serialize(read));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes), SnapshotJson.Serialize(read));
        });
        Assert.True(TableSnapshotReader.TryRead(SnapshotJson.WriteUtf8(new TableSnapshot()), out var dropped));
        Assert.Null(dropped.Table);
    }

    [Theory]
    [InlineData("\"format\": 1,", "\"format\": 1, \"comment\": \"hand-edited\",")]
    [InlineData("\"schema\": \"blog\",\n    \"name\": \"posts\",", "\"name\": \"posts\",\n    \"schema\": \"blog\",")]
    [InlineData("\"match_type\": \"full\"", "\"match_type\": 1")]
    [InlineData("\"concurrently\": true\n", "\"concurrently\": true,\n \"future\": [1, {\"a\": null}]\n")]
    [InlineData(",\n    \"renamed_from\": [\n      \"articles\"\n    ]", "")]
    public void A_snapshot_in_another_form_is_read_by_the_serializer(string written, string edited)
    {
        var text = SnapshotJson.Write(new TableSnapshot { Table = Everything });
        Assert.Contains(written, text, StringComparison.Ordinal);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text.Replace(written, edited, StringComparison.Ordinal));

        Assert.False(TableSnapshotReader.TryRead(bytes, out _));
        Assert.Equal(SnapshotJson.Serialize(SnapshotJson.Read<TableSnapshot>(bytes, "t.json")), SnapshotJson.Serialize(SnapshotJson.ReadTable(bytes, "t.json")));
    }

    [Fact]
    public void A_broken_table_snapshot_is_reported_by_the_serializer()
    {
        var text = SnapshotJson.Write(new TableSnapshot { Table = Posts });

        var error = Assert.Throws<InvalidDataException>(() => SnapshotJson.ReadTable(System.Text.Encoding.UTF8.GetBytes(text[..^40]), "Snapshots/x/1.json"));

        Assert.StartsWith("Snapshots/x/1.json is not a valid Ashlar snapshot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snapshot_writer_fixture_sets_every_stored_property()
    {
        // A property added to the models shows up here as a key the fixture leaves at its default: set it in
        // Everything, and write it in TableSnapshotWriter (the test above then compares it).
        var json = System.Text.Json.Nodes.JsonNode.Parse(SnapshotJson.Serialize(new TableSnapshot { Table = Everything }))!["table"];
        var keys = new List<(string Path, bool IsDefault)>();
        Walk("table", json, keys);

        Assert.Contains(keys, k => k.Path == "table.foreign_keys.match_type" && !k.IsDefault);
        Assert.Empty(keys.GroupBy(k => k.Path).Where(g => g.All(k => k.IsDefault)).Select(g => g.Key));
    }

    /// <summary>Every key in the tree, and whether its value there is a default (null, false, empty, the first enum word).</summary>
    private static void Walk(string path, System.Text.Json.Nodes.JsonNode? node, List<(string, bool)> keys)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (key, value) in o)
                {
                    Walk(path + "." + key, value, keys);
                }

                break;
            case System.Text.Json.Nodes.JsonArray { Count: 0 }:
                keys.Add((path, true));
                break;
            case System.Text.Json.Nodes.JsonArray a:
                keys.Add((path, false));
                foreach (var item in a)
                {
                    Walk(path, item, keys);
                }

                break;
            case null:
                keys.Add((path, true));
                break;
            case System.Text.Json.Nodes.JsonValue v:
                keys.Add((path, v.GetValueKind() == System.Text.Json.JsonValueKind.False || v.ToJsonString() is "\"simple\"" or "\"nothing\"" or "\"no\""));
                break;
        }
    }

    [Fact]
    public void A_dropped_table_is_stored_as_a_snapshot_without_table()
    {
        var json = SnapshotJson.Write(new TableSnapshot());

        Assert.Equal("{\n  \"format\": 1,\n  \"table\": null\n}\n", json);
        Assert.Null(SnapshotJson.Read<TableSnapshot>(json, "test.json").Table);
    }

    [Fact]
    public void A_broken_snapshot_names_its_file()
    {
        var error = Assert.Throws<InvalidDataException>(() => SnapshotJson.Read<TableSnapshot>("{ nope", "Snapshots/x/1.json"));

        Assert.StartsWith("Snapshots/x/1.json is not a valid Ashlar snapshot", error.Message, StringComparison.Ordinal);
    }
}
