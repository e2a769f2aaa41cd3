using Ashlar.Postgres.Schema;
using Xunit;
using static Ashlar.Postgres.Tests.Migrations.Generation.Models;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

public sealed class StatementOperationTests
{
    private static readonly StatementModel View = new("posts_view", "CREATE VIEW posts_view AS SELECT id FROM posts", "DROP VIEW posts_view", false);

    [Fact]
    public void A_new_statement_runs_its_up_after_its_table_and_its_down_undoes_it()
    {
        var operations = Diff(Model(), Model(Table("posts") with { Statements = [View] }));

        Assert.Equal(["create table public.posts", "run statement posts_view on public.posts"], operations.Select(o => o.Description));
        Assert.Equal(["DROP VIEW posts_view"], operations[1].Down);
        Assert.Null(operations[1].IrreversibleReason);
    }

    [Fact]
    public void A_statement_without_down_is_irreversible()
    {
        var statement = new StatementModel("seed", "INSERT INTO posts DEFAULT VALUES", null, false);

        var run = Assert.Single(Diff(Table("posts"), Table("posts") with { Statements = [statement] }));

        Assert.Empty(run.Down);
        Assert.Equal("statement seed on public.posts declares no down", run.IrreversibleReason);
    }

    [Fact]
    public void A_changed_statement_runs_the_old_down_then_the_new_up()
    {
        var changed = View with { Up = "CREATE VIEW posts_view AS SELECT id, 1 AS one FROM posts" };

        var operations = Diff(Table("posts") with { Statements = [View] }, Table("posts") with { Statements = [changed] });

        Assert.Equal("DROP VIEW posts_view;\nCREATE VIEW posts_view AS SELECT id, 1 AS one FROM posts", operations.UpSql());
        Assert.Equal("DROP VIEW posts_view;\nCREATE VIEW posts_view AS SELECT id FROM posts", operations.DownSql());
    }

    [Fact]
    public void Statements_on_one_table_run_in_declaration_order()
    {
        var first = new StatementModel("b_first", "SELECT 1", "SELECT 2", false);
        var second = new StatementModel("a_second", "SELECT 3", "SELECT 4", false);

        var operations = Diff(Table("posts"), Table("posts") with { Statements = [first, second] });

        Assert.Equal("SELECT 1;\nSELECT 3", operations.UpSql());
    }

    [Fact]
    public void An_on_destroy_statement_runs_only_with_the_drop_of_its_table_and_after_it()
    {
        var cleanup = new StatementModel("cleanup", "DROP FUNCTION posts_fn()", "CREATE FUNCTION posts_fn() RETURNS int LANGUAGE sql AS 'SELECT 1'", true);
        var table = Table("posts") with { Statements = [View, cleanup] };

        var created = Diff(Model(), Model(table));
        var dropped = Diff(Model(table), Model());

        Assert.DoesNotContain(created, o => o.Description.Contains("cleanup", StringComparison.Ordinal));
        Assert.Equal(["revert statement posts_view on public.posts", "drop table public.posts", "run statement cleanup on public.posts"],
            dropped.Select(o => o.Description));
        Assert.Equal("DROP VIEW posts_view;\nDROP TABLE \"public\".\"posts\";\nDROP FUNCTION posts_fn()", dropped.UpSql());
    }

    [Fact]
    public void A_statement_with_after_tables_runs_after_the_changes_to_those_tables()
    {
        var report = new StatementModel("report", "CREATE VIEW report AS SELECT * FROM z_orders", "DROP VIEW report", false) { AfterTables = ["z_orders"] };

        var operations = Diff(Model(), Model(Table("a_users") with { Statements = [report] }, Table("z_orders")));

        Assert.Equal(["create table public.a_users", "create table public.z_orders", "run statement report on public.a_users"],
            operations.Select(o => o.Description));
    }
}
