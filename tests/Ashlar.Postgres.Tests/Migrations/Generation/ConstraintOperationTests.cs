using Ashlar.Postgres.Migrations.Operations;
using Ashlar.Postgres.Schema;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.Models;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

public sealed class ConstraintOperationTests
{
    private static readonly TableModel Users = Table("users");

    private static readonly ForeignKeyModel AuthorKey = new()
    {
        Name = "posts_author_id_fkey",
        Columns = ["author_id", "org_id"],
        ReferencedSchema = "public",
        ReferencedTable = "users",
        ReferencedColumns = ["id", "org_id"],
        OnDelete = ForeignKeyAction.SetNull,
        NilifyColumns = ["author_id"],
        OnUpdate = ForeignKeyAction.Cascade,
        Deferrable = ForeignKeyDeferral.InitiallyDeferred,
        MatchType = ForeignKeyMatch.Full,
    };

    private static TableModel Posts(params ForeignKeyModel[] keys) =>
        Table("posts", Column("author_id", "bigint"), Column("org_id", "bigint")) with { ForeignKeys = keys };

    [Fact]
    public void A_new_foreign_key_is_added_with_every_option_and_validates_existing_rows()
    {
        var add = Assert.IsType<AddForeignKeyOperation>(Assert.Single(Diff(Model(Users, Posts()), Model(Users, Posts(AuthorKey)))));

        Assert.Equal(
            "ALTER TABLE \"public\".\"posts\" ADD CONSTRAINT \"posts_author_id_fkey\" FOREIGN KEY (\"author_id\", \"org_id\") "
            + "REFERENCES \"public\".\"users\" (\"id\", \"org_id\") MATCH FULL ON DELETE SET NULL (\"author_id\") ON UPDATE CASCADE "
            + "DEFERRABLE INITIALLY DEFERRED", Assert.Single(add.Up));
        Assert.Equal("ALTER TABLE \"public\".\"posts\" DROP CONSTRAINT \"posts_author_id_fkey\"", Assert.Single(add.Down));
        Assert.Equal(HazardKind.FullTableValidation, Assert.Single(add.Hazards).Kind);
        Assert.Equal(LockLevel.ShareRowExclusive, add.Lock);
    }

    [Fact]
    public void A_removed_foreign_key_is_dropped_and_its_down_adds_it_back()
    {
        var drop = Assert.IsType<DropForeignKeyOperation>(Assert.Single(Diff(Model(Users, Posts(AuthorKey)), Model(Users, Posts()))));

        Assert.Equal("ALTER TABLE \"public\".\"posts\" DROP CONSTRAINT \"posts_author_id_fkey\"", Assert.Single(drop.Up));
        Assert.StartsWith("ALTER TABLE \"public\".\"posts\" ADD CONSTRAINT \"posts_author_id_fkey\" FOREIGN KEY", Assert.Single(drop.Down));
    }

    [Fact]
    public void A_changed_foreign_key_is_dropped_then_added()
    {
        var operations = Diff(Model(Users, Posts(AuthorKey)), Model(Users, Posts(AuthorKey with { OnDelete = ForeignKeyAction.Cascade, NilifyColumns = [] })));

        Assert.Equal(["drop foreign key posts_author_id_fkey on public.posts", "add foreign key posts_author_id_fkey on public.posts to public.users"],
            operations.Select(o => o.Description));
        Assert.Contains("ON DELETE CASCADE", operations[1].Up[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_of_deferrability_alone_alters_the_constraint_in_place()
    {
        var alter = Assert.IsType<AlterForeignKeyDeferrabilityOperation>(
            Assert.Single(Diff(Model(Users, Posts(AuthorKey)), Model(Users, Posts(AuthorKey with { Deferrable = ForeignKeyDeferral.NotDeferrable })))));

        Assert.Equal("ALTER TABLE \"public\".\"posts\" ALTER CONSTRAINT \"posts_author_id_fkey\" NOT DEFERRABLE", Assert.Single(alter.Up));
        Assert.Equal("ALTER TABLE \"public\".\"posts\" ALTER CONSTRAINT \"posts_author_id_fkey\" DEFERRABLE INITIALLY DEFERRED", Assert.Single(alter.Down));
    }

    [Fact]
    public void A_new_index_is_created_with_every_option()
    {
        var index = new IndexModel
        {
            Name = "posts_search_index",
            Fields = [new IndexKeyModel("org_id", null, false), new IndexKeyModel(null, "lower(title)", true)],
            Unique = true,
            Where = "org_id IS NOT NULL",
            Using = "btree",
            Include = ["author_id"],
            NullsDistinct = false,
        };

        var create = Assert.IsType<CreateIndexOperation>(Assert.Single(Diff(Posts(), Posts() with { Indexes = [index] })));

        Assert.Equal(
            "CREATE UNIQUE INDEX \"posts_search_index\" ON \"public\".\"posts\" USING btree (\"org_id\", (lower(title)) DESC) "
            + "INCLUDE (\"author_id\") NULLS NOT DISTINCT WHERE org_id IS NOT NULL", Assert.Single(create.Up));
        Assert.Equal("DROP INDEX \"public\".\"posts_search_index\"", Assert.Single(create.Down));
        Assert.False(create.Concurrent);
        Assert.Equal(LockLevel.Share, create.Lock);
    }

    [Fact]
    public void A_concurrent_index_on_an_existing_table_is_built_concurrently_outside_a_transaction()
    {
        var index = new IndexModel { Name = "posts_org_id_index", Fields = [new IndexKeyModel("org_id", null, false)], Using = "hash", Concurrently = true };

        var create = Assert.Single(Diff(Posts(), Posts() with { Indexes = [index] }));
        var onNewTable = Diff(Model(), Model(Posts() with { Indexes = [index] }))[1];

        Assert.Equal("CREATE INDEX CONCURRENTLY \"posts_org_id_index\" ON \"public\".\"posts\" USING hash (\"org_id\")", Assert.Single(create.Up));
        Assert.Equal("DROP INDEX CONCURRENTLY \"public\".\"posts_org_id_index\"", Assert.Single(create.Down));
        Assert.True(create.Concurrent);
        Assert.False(onNewTable.Concurrent);
    }

    [Fact]
    public void A_changed_index_is_dropped_then_created_and_a_removed_one_is_dropped()
    {
        var index = new IndexModel { Name = "posts_org_id_index", Fields = [new IndexKeyModel("org_id", null, false)] };

        var changed = Diff(Posts() with { Indexes = [index] }, Posts() with { Indexes = [index with { Where = "org_id > 0" }] });
        var removed = Diff(Posts() with { Indexes = [index] }, Posts());

        Assert.Equal(["drop index posts_org_id_index on public.posts", "create index posts_org_id_index on public.posts"], changed.Select(o => o.Description));
        Assert.Equal("DROP INDEX \"public\".\"posts_org_id_index\"", Assert.Single(Assert.Single(removed).Up));
        Assert.Equal("CREATE INDEX \"posts_org_id_index\" ON \"public\".\"posts\" (\"org_id\")", Assert.Single(removed[0].Down));
    }

    [Fact]
    public void Check_constraints_are_added_and_dropped()
    {
        var check = new CheckModel("org_positive", "org_id > 0");

        var add = Assert.IsType<AddCheckConstraintOperation>(Assert.Single(Diff(Posts(), Posts() with { Checks = [check] })));
        var drop = Assert.IsType<DropCheckConstraintOperation>(Assert.Single(Diff(Posts() with { Checks = [check] }, Posts())));

        Assert.Equal("ALTER TABLE \"public\".\"posts\" ADD CONSTRAINT \"org_positive\" CHECK (org_id > 0)", Assert.Single(add.Up));
        Assert.Equal("ALTER TABLE \"public\".\"posts\" DROP CONSTRAINT \"org_positive\"", Assert.Single(add.Down));
        Assert.Equal(HazardKind.FullTableValidation, Assert.Single(add.Hazards).Kind);
        Assert.Equal(add.Down, drop.Up);
        Assert.Equal(add.Up, drop.Down);
    }
}
