using Ashlar.Postgres.Migrations.Operations;
using Ashlar.Postgres.Schema;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.Models;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

public sealed class ColumnOperationTests
{
    [Fact]
    public void A_new_column_is_added_and_its_down_drops_it()
    {
        var add = Assert.IsType<AddColumnOperation>(Assert.Single(Diff(Table("posts"), Table("posts", Column("score", "integer", false, "0")))));

        Assert.Equal("ALTER TABLE \"public\".\"posts\" ADD COLUMN \"score\" integer DEFAULT 0 NOT NULL", Assert.Single(add.Up));
        Assert.Equal("ALTER TABLE \"public\".\"posts\" DROP COLUMN \"score\"", Assert.Single(add.Down));
        Assert.Empty(add.Hazards);
    }

    [Fact]
    public void A_not_null_column_without_default_warns_that_existing_rows_make_it_fail()
    {
        var add = Assert.Single(Diff(Table("posts"), Table("posts", Column("title", nullable: false))));

        Assert.Equal(HazardKind.FullTableValidation, Assert.Single(add.Hazards).Kind);
    }

    [Fact]
    public void A_removed_column_is_dropped_with_data_loss_and_its_down_adds_it_back()
    {
        var drop = Assert.IsType<DropColumnOperation>(Assert.Single(Diff(Table("posts", Column("legacy", "jsonb")), Table("posts"))));

        Assert.Equal("ALTER TABLE \"public\".\"posts\" DROP COLUMN \"legacy\"", Assert.Single(drop.Up));
        Assert.Equal("ALTER TABLE \"public\".\"posts\" ADD COLUMN \"legacy\" jsonb", Assert.Single(drop.Down));
        Assert.Equal("data loss: drops column public.posts.legacy and its values; down adds it back empty", drop.Hazards[0].ToString());
    }

    [Fact]
    public void A_column_declared_as_renamed_is_renamed()
    {
        var renamed = Column("headline") with { RenamedFrom = ["title"] };

        var rename = Assert.IsType<RenameColumnOperation>(Assert.Single(Diff(Table("posts", Column("title")), Table("posts", renamed))));

        Assert.Equal("ALTER TABLE \"public\".\"posts\" RENAME COLUMN \"title\" TO \"headline\"", Assert.Single(rename.Up));
        Assert.Equal("ALTER TABLE \"public\".\"posts\" RENAME COLUMN \"headline\" TO \"title\"", Assert.Single(rename.Down));
    }

    [Fact]
    public void An_undeclared_column_rename_asks_and_without_a_prompt_is_a_drop_and_an_add()
    {
        var prompt = new ScriptedPrompt(rename: true, drop: true);
        var old = Table("posts", Column("title"));
        var @new = Table("posts", Column("headline"));

        Assert.IsType<RenameColumnOperation>(Assert.Single(Diff(Model(old), Model(@new), prompt)));
        Assert.Equal(["rename column public.posts.title -> public.posts.headline?"], prompt.Questions);
        Assert.Equal(["drop column public.posts.title", "add column public.posts.headline"], Diff(old, @new).Select(o => o.Description));
    }

    [Fact]
    public void A_changed_type_is_converted_with_a_cast_and_warns_of_a_rewrite()
    {
        var alter = Assert.IsType<AlterColumnTypeOperation>(Assert.Single(Diff(Table("posts", Column("score", "integer")), Table("posts", Column("score", "bigint")))));

        Assert.Equal("ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"score\" TYPE bigint USING \"score\"::bigint", Assert.Single(alter.Up));
        Assert.Equal("ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"score\" TYPE integer USING \"score\"::integer", Assert.Single(alter.Down));
        Assert.Contains(alter.Hazards, h => h.Kind == HazardKind.TableRewrite);
    }

    [Fact]
    public void Forbidding_null_sets_not_null_and_warns_of_a_full_scan()
    {
        var alter = Assert.IsType<AlterColumnNullabilityOperation>(Assert.Single(Diff(Table("posts", Column("title")), Table("posts", Column("title", nullable: false)))));

        Assert.Equal("ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"title\" SET NOT NULL", Assert.Single(alter.Up));
        Assert.Equal("ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"title\" DROP NOT NULL", Assert.Single(alter.Down));
        Assert.Equal(HazardKind.FullTableValidation, Assert.Single(alter.Hazards).Kind);
    }

    [Fact]
    public void A_changed_default_is_set_and_its_down_restores_the_old_one()
    {
        var alter = Assert.IsType<AlterColumnDefaultOperation>(Assert.Single(Diff(Table("posts", Column("state", defaultSql: "'draft'")), Table("posts", Column("state")))));

        Assert.Equal("ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"state\" DROP DEFAULT", Assert.Single(alter.Up));
        Assert.Equal("ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"state\" SET DEFAULT 'draft'", Assert.Single(alter.Down));
    }

    [Fact]
    public void A_column_becoming_an_identity_loses_its_default_first()
    {
        var operations = Diff(Table("posts", Column("number", "bigint", false, "0")), Table("posts", Column("number", "bigint", false, identity: true)));

        Assert.Equal(
            "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"number\" DROP DEFAULT;\n"
            + "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"number\" ADD GENERATED BY DEFAULT AS IDENTITY", operations.UpSql());
        Assert.Equal(
            "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"number\" DROP IDENTITY;\n"
            + "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"number\" SET DEFAULT 0", operations.DownSql());
    }

    [Fact]
    public void A_changed_generated_expression_drops_and_adds_the_column()
    {
        var old = Table("posts", Column("title"), Column("search") with { Generated = "lower(title)" });
        var @new = Table("posts", Column("title"), Column("search") with { Generated = "upper(title)" });

        var operations = Diff(old, @new);

        Assert.Equal(
            "ALTER TABLE \"public\".\"posts\" DROP COLUMN \"search\";\n"
            + "ALTER TABLE \"public\".\"posts\" ADD COLUMN \"search\" text GENERATED ALWAYS AS (upper(title)) STORED", operations.UpSql());
        Assert.Contains(operations[1].Hazards, h => h.Kind == HazardKind.TableRewrite);
    }

    [Fact]
    public void An_index_on_a_recreated_generated_column_is_recreated_after_it()
    {
        var index = new IndexModel { Name = "posts_search_index", Fields = [new("search", null, false)] };
        var old = Table("posts", Column("title"), Column("search") with { Generated = "lower(title)" }) with { Indexes = [index] };
        var @new = Table("posts", Column("title"), Column("search") with { Generated = "upper(title)" }) with { Indexes = [index] };

        var operations = Diff(old, @new);

        Assert.Equal(
            ["drop index posts_search_index on public.posts", "drop column public.posts.search", "add column public.posts.search",
             "create index posts_search_index on public.posts"],
            operations.Select(o => o.Description));
    }
}
