using Ashlar.Postgres.Migrations.Running;
using Ashlar.Testing;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.Migrations.Running;

public sealed class MigrationRunnerTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_applies_pending_migrations_in_order_and_records_them()
    {
        var s = new RunnerScenario(db.DataSource);
        var schema = s.Migration("create_schema", ["CREATE SCHEMA IF NOT EXISTS {s}"], ["SELECT 1"]);
        var t1 = s.CreateTable(1);
        var fk = s.Migration("t2_references_t1", ["CREATE TABLE {s}.t2 (id bigint PRIMARY KEY, t1_id bigint REFERENCES {s}.t1)"], ["DROP TABLE {s}.t2"]);

        // Given out of order: the runner sorts by version.
        var result = await s.Runner().MigrateAsync(db.DataSource, [fk, t1, schema], Ct);

        Assert.Equal([schema.Version, t1.Version, fk.Version], result.Applied.Select(m => m.Version));
        Assert.Equal([schema.FileName[..^4], t1.FileName[..^4], fk.FileName[..^4]], await s.HistoryAsync());
        Assert.True(await s.TableExistsAsync("t2"));
        Assert.StartsWith("sha256:", await s.ScalarAsync<string>("SELECT checksum FROM {s}.ashlar_schema_migrations LIMIT 1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_again_applies_only_what_is_new()
    {
        var s = new RunnerScenario(db.DataSource);
        var first = s.Migration("create_schema", ["CREATE SCHEMA IF NOT EXISTS {s}"], ["SELECT 1"]);
        await s.Runner().MigrateAsync(db.DataSource, [first], Ct);
        var second = s.CreateTable(1);

        var nothing = await s.Runner().MigrateAsync(db.DataSource, [first], Ct);
        var one = await s.Runner().MigrateAsync(db.DataSource, [first, second], Ct);

        Assert.Empty(nothing.Applied);
        Assert.Equal([second], one.Applied);
    }

    [Fact]
    public async Task Status_lists_applied_pending_changed_and_missing_migrations()
    {
        var s = new RunnerScenario(db.DataSource);
        var schema = s.Migration("create_schema", ["CREATE SCHEMA IF NOT EXISTS {s}"], ["SELECT 1"]);
        var t1 = s.CreateTable(1);
        var gone = s.CreateTable(2);
        var pending = s.CreateTable(3);
        Assert.All(await s.Runner().StatusAsync(db.DataSource, [schema, t1], Ct), e => Assert.Equal(MigrationState.Pending, e.State));
        await s.Runner().MigrateAsync(db.DataSource, [schema, t1, gone], Ct);
        var edited = t1 with { Up = ["CREATE TABLE " + s.Schema + ".t1 (id bigint PRIMARY KEY, extra text)"] };

        var status = await s.Runner().StatusAsync(db.DataSource, [schema, edited, pending], Ct);

        Assert.Equal(
            [MigrationState.Applied, MigrationState.Changed, MigrationState.FileMissing, MigrationState.Pending],
            status.Select(e => e.State));
        Assert.NotNull(status[0].AppliedAt);
        Assert.Null(status[3].AppliedAt);
        Assert.Equal("create_t2", status[2].Name);
    }

    [Fact]
    public async Task A_changed_applied_migration_is_a_warning_or_in_strict_mode_an_error()
    {
        var s = new RunnerScenario(db.DataSource);
        var schema = s.Migration("create_schema", ["CREATE SCHEMA IF NOT EXISTS {s}"], ["SELECT 1"]);
        await s.Runner().MigrateAsync(db.DataSource, [schema], Ct);
        var edited = schema with { Up = ["CREATE SCHEMA IF NOT EXISTS " + s.Schema, "SELECT 2"] };
        var next = s.CreateTable(1);

        var strict = await Assert.ThrowsAsync<MigrationChecksumException>(
            () => s.Runner(s.Options with { StrictChecksums = true }).MigrateAsync(db.DataSource, [edited, next], Ct));
        Assert.False(await s.TableExistsAsync("t1"));
        var lenient = await s.Runner().MigrateAsync(db.DataSource, [edited, next], Ct);

        Assert.Contains(schema.FileName, strict.Message, StringComparison.Ordinal);
        Assert.Equal([edited], lenient.Changed);
        Assert.Equal([next], lenient.Applied);
    }

    [Fact]
    public async Task Rollback_by_steps_runs_the_newest_down_parts_and_forgets_them()
    {
        var s = new RunnerScenario(db.DataSource);
        List<Ashlar.Postgres.Migrations.MigrationFile> all =
            [s.Migration("create_schema", ["CREATE SCHEMA IF NOT EXISTS {s}"], ["SELECT 1"]), s.CreateTable(1), s.CreateTable(2), s.CreateTable(3)];
        await s.Runner().MigrateAsync(db.DataSource, all, Ct);

        var result = await s.Runner().RollbackAsync(db.DataSource, all, RollbackTarget.Steps(2), Ct);

        Assert.Equal([all[3], all[2]], result.RolledBack);
        Assert.True(await s.TableExistsAsync("t1"));
        Assert.False(await s.TableExistsAsync("t2"));
        Assert.False(await s.TableExistsAsync("t3"));
        Assert.Equal(2, (await s.HistoryAsync()).Count);
        var again = await s.Runner().MigrateAsync(db.DataSource, all, Ct);
        Assert.Equal([all[2], all[3]], again.Applied);
    }

    [Fact]
    public async Task Rollback_to_a_version_keeps_that_version_applied()
    {
        var s = new RunnerScenario(db.DataSource);
        List<Ashlar.Postgres.Migrations.MigrationFile> all =
            [s.Migration("create_schema", ["CREATE SCHEMA IF NOT EXISTS {s}"], ["SELECT 1"]), s.CreateTable(1), s.CreateTable(2), s.CreateTable(3)];
        await s.Runner().MigrateAsync(db.DataSource, all, Ct);

        var result = await s.Runner().RollbackAsync(db.DataSource, all, RollbackTarget.To(all[1].Version), Ct);
        var unknown = await Assert.ThrowsAsync<MigrationException>(
            () => s.Runner().RollbackAsync(db.DataSource, all, RollbackTarget.To("19990101000000"), Ct));

        Assert.Equal([all[3], all[2]], result.RolledBack);
        Assert.Equal([all[0].FileName[..^4], all[1].FileName[..^4]], await s.HistoryAsync());
        Assert.Contains("19990101000000", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_previous_version_applied_and_names_the_statement()
    {
        var s = new RunnerScenario(db.DataSource);
        var good = s.Migration("create_schema", ["CREATE SCHEMA IF NOT EXISTS {s}"], ["SELECT 1"]);
        var bad = s.Migration("three_statements", [
            "CREATE TABLE {s}.a (id int)",
            "ALTER TABLE {s}.a ADD COLUMN b int",
            "ALTER TABLE {s}.a ADD COLUMN b int -- twice",
        ], ["DROP TABLE {s}.a"]);
        var later = s.CreateTable(9);

        var error = await Assert.ThrowsAsync<MigrationStatementException>(() => s.Runner().MigrateAsync(db.DataSource, [good, bad, later], Ct));

        Assert.Equal([good.FileName[..^4]], await s.HistoryAsync());
        Assert.False(await s.TableExistsAsync("a"));
        Assert.False(await s.TableExistsAsync("t9"));
        Assert.Equal(3, error.StatementIndex);
        Assert.Equal("up", error.Part);
        var inner = Assert.IsType<PostgresException>(error.InnerException);
        Assert.Equal(PostgresErrorCodes.DuplicateColumn, inner.SqlState);
        Assert.Contains(bad.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("up statement 3 (ALTER TABLE " + s.Schema + ".a ADD COLUMN b int -- twice)", error.Message, StringComparison.Ordinal);
        Assert.Contains("still at version " + good.Version, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_transactional_migration_creates_an_index_concurrently()
    {
        var s = new RunnerScenario(db.DataSource);
        var table = s.Migration("create_table", [
            "CREATE SCHEMA IF NOT EXISTS {s}",
            "CREATE TABLE {s}.big (id bigint PRIMARY KEY, v int)",
            "INSERT INTO {s}.big SELECT g, g % 97 FROM generate_series(1, 5000) g",
        ], ["DROP TABLE {s}.big"]);
        var index = s.Migration("index_big_v", ["CREATE INDEX CONCURRENTLY big_v_index ON {s}.big (v)"], ["DROP INDEX CONCURRENTLY {s}.big_v_index"], transactional: false);

        await s.Runner().MigrateAsync(db.DataSource, [table, index], Ct);
        var valid = await s.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = '{s}.big_v_index'::regclass");
        await s.Runner().RollbackAsync(db.DataSource, [table, index], RollbackTarget.Steps(1), Ct);

        Assert.True(valid);
        Assert.False(await s.TableExistsAsync("big_v_index"));
        Assert.Equal([table.FileName[..^4]], await s.HistoryAsync());
    }

    [Fact]
    public async Task An_invalid_index_left_by_a_failed_concurrent_build_is_rebuilt_on_the_next_migrate()
    {
        var s = new RunnerScenario(db.DataSource);
        var table = s.Migration("create_emails", [
            "CREATE SCHEMA IF NOT EXISTS {s}",
            "CREATE TABLE {s}.emails (address text)",
            "INSERT INTO {s}.emails VALUES ('a@example.test'), ('a@example.test')",
        ], ["DROP TABLE {s}.emails"]);
        var unique = s.Migration("unique_emails",
            ["CREATE UNIQUE INDEX CONCURRENTLY \"emails_address_index\" ON \"{s}\".\"emails\" (\"address\")"],
            ["DROP INDEX CONCURRENTLY \"{s}\".\"emails_address_index\""], transactional: false);
        const string invalid = "SELECT NOT indisvalid FROM pg_index WHERE indexrelid = '{s}.emails_address_index'::regclass";

        var error = await Assert.ThrowsAsync<MigrationStatementException>(() => s.Runner().MigrateAsync(db.DataSource, [table, unique], Ct));
        Assert.True(await s.ScalarAsync<bool>(invalid));
        Assert.Contains("INVALID index", error.Message, StringComparison.Ordinal);
        await s.ScalarAsync<int>("DELETE FROM {s}.emails WHERE ctid <> (SELECT min(ctid) FROM {s}.emails)");

        var retry = await s.Runner().MigrateAsync(db.DataSource, [table, unique], Ct);

        Assert.Equal([unique], retry.Applied);
        Assert.False(await s.ScalarAsync<bool>(invalid));
    }

    [Fact]
    public async Task An_irreversible_migration_refuses_to_roll_back_before_touching_anything()
    {
        var s = new RunnerScenario(db.DataSource);
        var schema = s.Migration("create_schema", ["CREATE SCHEMA IF NOT EXISTS {s}"], ["SELECT 1"]);
        var oneWay = s.Migration("drop_legacy", ["CREATE TABLE {s}.legacy (id int)"], [], irreversible: "drops column legacy.data; its values are gone");
        var t1 = s.CreateTable(1);
        await s.Runner().MigrateAsync(db.DataSource, [schema, oneWay, t1], Ct);

        var error = await Assert.ThrowsAsync<IrreversibleMigrationException>(
            () => s.Runner().RollbackAsync(db.DataSource, [schema, oneWay, t1], RollbackTarget.Steps(2), Ct));

        Assert.Contains("its values are gone", error.Message, StringComparison.Ordinal);
        Assert.True(await s.TableExistsAsync("t1"));
        Assert.Equal(3, (await s.HistoryAsync()).Count);
    }

    [Fact]
    public async Task A_migration_older_than_the_newest_applied_one_still_runs()
    {
        var s = new RunnerScenario(db.DataSource);
        var schema = s.Migration("create_schema", ["CREATE SCHEMA IF NOT EXISTS {s}"], ["SELECT 1"]);
        var fromOtherBranch = s.CreateTable(1);
        var newer = s.CreateTable(2);
        await s.Runner().MigrateAsync(db.DataSource, [schema, newer], Ct);

        var result = await s.Runner().MigrateAsync(db.DataSource, [schema, fromOtherBranch, newer], Ct);

        Assert.Equal([fromOtherBranch], result.Applied);
        Assert.True(await s.TableExistsAsync("t1"));
    }

    [Fact]
    public async Task Cancelling_a_migration_rolls_it_back_and_frees_the_lock()
    {
        var s = new RunnerScenario(db.DataSource);
        var schema = s.Migration("create_schema", ["CREATE SCHEMA IF NOT EXISTS {s}"], ["SELECT 1"]);
        var slow = s.Migration("slow", ["CREATE TABLE {s}.slow (id int)", "SELECT pg_sleep(30)"], ["DROP TABLE {s}.slow"]);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var name = "cancelled_" + s.Schema;
        var running = s.Runner(s.Options with { ApplicationName = name }).MigrateAsync(db.DataSource, [schema, slow], cancel.Token);

        // Cancel once the slow migration runs, not after a fixed time a loaded machine may not have reached it in.
        while (!running.IsCompleted && await s.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{name}' AND query LIKE '%pg_sleep(30)%'") == 0)
        {
            await Task.Delay(20, Ct);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var after = await s.Runner().StatusAsync(db.DataSource, [schema, slow], Ct);

        Assert.False(await s.TableExistsAsync("slow"));
        Assert.Equal([MigrationState.Applied, MigrationState.Pending], after.Select(e => e.State));
        var retry = await s.Runner()
            .MigrateAsync(db.DataSource, [schema, slow with { Up = ["CREATE TABLE " + s.Schema + ".slow (id int)"] }], Ct);
        Assert.Single(retry.Applied);
    }
}
