using Ashlar.Postgres.Schema;
using Ashlar.Postgres.Snapshots;
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
