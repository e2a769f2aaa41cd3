using System.Diagnostics;
using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Running;
using Ashlar.Testing;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.Migrations.Running;

public sealed class MigrationLockTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<MigrationFile> SideEffects(RunnerScenario s, int count)
    {
        var all = new List<MigrationFile> { s.Migration("setup", ["CREATE SCHEMA IF NOT EXISTS {s}", "CREATE TABLE {s}.side_effects (n int)"], ["DROP TABLE {s}.side_effects"]) };
        for (var i = 1; i <= count; i++)
        {
            all.Add(s.Migration($"effect_{i}", [$"INSERT INTO {{s}}.side_effects VALUES ({i})", "SELECT pg_sleep(0.02)"], [$"DELETE FROM {{s}}.side_effects WHERE n = {i}"]));
        }

        return all;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public async Task Migrators_started_together_apply_each_migration_exactly_once(int migrators)
    {
        var s = new RunnerScenario(db.DataSource);
        var migrations = SideEffects(s, 10);
        using var start = new Barrier(migrators);

        var runs = Enumerable.Range(0, migrators).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait(Ct);
            return await s.Runner().MigrateAsync(db.DataSource, migrations, Ct);
        }, Ct)).ToList();
        var results = await Task.WhenAll(runs);

        Assert.Equal([.. Enumerable.Repeat(0, migrators - 1), 11], results.Select(r => r.Applied.Count).Order());
        Assert.Equal(10, await s.ScalarAsync<long>("SELECT count(*) FROM {s}.side_effects"));
        Assert.Equal(11, (await s.HistoryAsync()).Count);
        // A racer that took the lock at its first try (after the winner left) waited for nothing; the lock wait itself
        // is measured in A_waiting_migrator_never_holds_an_open_transaction.
    }

    [Fact]
    public async Task A_waiting_migrator_never_holds_an_open_transaction()
    {
        var s = new RunnerScenario(db.DataSource);
        var migrations = SideEffects(s, 1);
        var name = "waiter_" + s.Schema;
        await using var holder = await HoldLockAsync(s, "holder");

        var waiting = s.Runner(s.Options with { ApplicationName = name }).MigrateAsync(db.DataSource, migrations, Ct);
        var samples = new List<(string State, bool InTransaction)>();

        // The lock is held for 500 ms after the waiter is first seen trying it, however late a loaded machine starts it.
        Stopwatch? trying = null;
        while (trying is null || trying.Elapsed < TimeSpan.FromMilliseconds(500))
        {
            Assert.False(waiting.IsCompleted, "the waiter finished while the lock was held");
            await using var command = db.DataSource.CreateCommand("SELECT state, xact_start IS NOT NULL AND state = 'idle' OR state LIKE 'idle in transaction%', query LIKE '%pg_try_advisory_lock%' FROM pg_stat_activity WHERE application_name = $1");
            command.Parameters.Add(new() { Value = name });
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                samples.Add((reader.GetString(0), reader.GetBoolean(1)));
                trying ??= reader.GetBoolean(2) ? Stopwatch.StartNew() : null;
            }

            await Task.Delay(20, Ct);
        }

        Assert.False(waiting.IsCompleted);
        await holder.DisposeAsync();
        var result = await waiting;

        Assert.NotEmpty(samples);
        Assert.All(samples, sample => Assert.False(sample.InTransaction, $"the waiter's backend was '{sample.State}' inside a transaction"));
        Assert.Equal(2, result.Applied.Count);
        Assert.True(result.LockWait >= TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task A_migrator_that_waits_too_long_fails_naming_the_holder()
    {
        var s = new RunnerScenario(db.DataSource);
        await using var holder = await HoldLockAsync(s, "other-deployer");
        var options = s.Options with { LockTimeout = TimeSpan.FromMilliseconds(400), LockPollInterval = TimeSpan.FromMilliseconds(100) };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MigrationLockTimeoutException>(
            () => s.Runner(options).MigrateAsync(db.DataSource, SideEffects(s, 1), Ct));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(30));
        Assert.Equal(holder.ProcessID, error.HolderPid);
        Assert.Equal("other-deployer", error.HolderApplication);
        Assert.StartsWith($"Another deployer holds the migration lock (pid {holder.ProcessID}, application 'other-deployer')", error.Message, StringComparison.Ordinal);
        Assert.False(await s.TableExistsAsync("side_effects"));
    }

    [Fact]
    public async Task A_runner_whose_session_dies_leaves_no_lock_and_no_half_migration()
    {
        var s = new RunnerScenario(db.DataSource);
        var schema = s.Migration("create_schema", ["CREATE SCHEMA IF NOT EXISTS {s}"], ["SELECT 1"]);
        var slow = s.Migration("slow", ["CREATE TABLE {s}.half (id int)", "SELECT pg_sleep(30)"], ["DROP TABLE {s}.half"]);
        var name = "doomed_" + s.Schema;
        var doomed = s.Runner(s.Options with { ApplicationName = name }).MigrateAsync(db.DataSource, [schema, slow], Ct);
        var pid = 0;
        while (pid == 0 && !doomed.IsCompleted)
        {
            await Task.Delay(20, Ct);
            pid = await s.ScalarAsync<int>($"SELECT pid FROM pg_stat_activity WHERE application_name = '{name}' AND query LIKE '%pg_sleep(30)%'");
        }

        await s.ScalarAsync<bool>($"SELECT pg_terminate_backend({pid})");
        await Assert.ThrowsAnyAsync<Exception>(() => doomed);
        Assert.False(await s.TableExistsAsync("half"));

        // The lock goes when the killed backend exits; a lock left behind would end this run in a lock timeout.
        var next = await s.Runner().MigrateAsync(db.DataSource, [schema, slow with { Up = ["CREATE TABLE " + s.Schema + ".half (id int)"] }], Ct);

        Assert.Equal("slow", Assert.Single(next.Applied).Name);
    }

    private async Task<NpgsqlConnection> HoldLockAsync(RunnerScenario s, string applicationName)
    {
        // Not pooled: a pooled connection keeps its session (and so the lock) when returned to the pool.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT set_config('application_name', $1, false), pg_advisory_lock($2)", connection);
        command.Parameters.Add(new() { Value = applicationName });
        command.Parameters.Add(new() { Value = MigrationLock.KeyFor(s.Options) });
        await command.ExecuteNonQueryAsync(Ct);
        return connection;
    }
}
