using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Running;
using Ashlar.Postgres.Migrations.Tenants;
using Ashlar.Testing;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.Migrations.Tenants;

public sealed class TenantMigrationRunnerTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NpgsqlDataSource Db => database.DataSource;

    [Fact]
    public async Task A_fault_in_tenant_7_leaves_it_at_version_2_and_the_others_at_the_newest_and_the_rerun_applies_only_its_pending()
    {
        var tenants = Enumerable.Range(1, 20).Select(i => $"fault_{i:D2}").ToList();
        await TenantFaultScenario.PlantFaultAsync(Db, "fault_07", Ct);
        var runner = new TenantMigrationRunner(new TenantRunOptions { Jobs = 3 });

        var report = await runner.MigrateAsync(Db, tenants, TenantFaultScenario.Migrations, cancellationToken: Ct);

        Assert.False(report.Succeeded);
        var failed = Assert.Single(report.Tenants, t => t.Status == TenantStatus.Failed);
        Assert.Equal("fault_07", failed.Tenant);
        Assert.Equal(("0", "20260101000002"), (failed.FromVersion, failed.ToVersion));
        Assert.Contains("20260101000003_add_priority_and_tags.sql failed at up statement 2", failed.Error, StringComparison.Ordinal);
        Assert.Contains("\"fault_07\".\"tags\"", failed.Error, StringComparison.Ordinal);
        Assert.Equal(19, report.Count(TenantStatus.Done));
        Assert.All(report.Tenants.Where(t => t.Tenant != "fault_07"), t => Assert.Equal(TenantFaultScenario.Newest, t.ToVersion));
        Assert.Equal(["20260101000001", "20260101000002"], await HistoryAsync("fault_07"));
        Assert.False(await TenantFaultScenario.ColumnExistsAsync(Db, "fault_07", "tickets", "priority", Ct));
        Assert.True(await TenantFaultScenario.ColumnExistsAsync(Db, "fault_08", "tickets", "priority", Ct));

        await TenantFaultScenario.RemoveFaultAsync(Db, "fault_07", Ct);
        var before = await AppliedAtAsync("fault_08");
        var rerun = await runner.MigrateAsync(Db, tenants, TenantFaultScenario.Migrations, cancellationToken: Ct);

        Assert.True(rerun.Succeeded);
        var fixedTenant = Assert.Single(rerun.Tenants, t => t.Status == TenantStatus.Done);
        Assert.Equal(("fault_07", "20260101000002", TenantFaultScenario.Newest, 3), (fixedTenant.Tenant, fixedTenant.FromVersion, fixedTenant.ToVersion, fixedTenant.Migrations));
        Assert.Equal(19, rerun.Count(TenantStatus.UpToDate));
        Assert.Equal(before, await AppliedAtAsync("fault_08"));
        Assert.Equal(5, (await HistoryAsync("fault_07")).Count);
    }

    [Fact]
    public async Task Fail_fast_stops_taking_tenants_and_reports_the_rest_as_skipped()
    {
        var tenants = Enumerable.Range(1, 6).Select(i => $"fast_{i}").ToList();
        await TenantFaultScenario.PlantFaultAsync(Db, "fast_1", Ct);
        var runner = new TenantMigrationRunner(new TenantRunOptions { Jobs = 1, FailFast = true });

        var report = await runner.MigrateAsync(Db, tenants, TenantFaultScenario.Migrations, cancellationToken: Ct);

        Assert.False(report.Succeeded);
        Assert.Equal(TenantStatus.Failed, report.Tenants[0].Status);
        Assert.All(report.Tenants.Skip(1), t => Assert.Equal(TenantStatus.Skipped, t.Status));
        Assert.All(report.Tenants.Skip(1), t => Assert.Contains("fast_1 failed (--fail-fast)", t.Error, StringComparison.Ordinal));
        Assert.Empty(await HistoryAsync("fast_2"));
    }

    [Fact]
    public async Task Status_and_rollback_work_per_tenant()
    {
        var tenants = new[] { "roll_a", "roll_b" };
        var runner = new TenantMigrationRunner(new TenantRunOptions { Jobs = 2 });
        var first = TenantFaultScenario.Migrations.Take(3).ToList();
        await runner.MigrateAsync(Db, tenants, first, cancellationToken: Ct);

        var status = await runner.StatusAsync(Db, [.. tenants, "roll_new"], TenantFaultScenario.Migrations, cancellationToken: Ct);
        Assert.False(status.Succeeded);
        Assert.Equal([(TenantStatus.Pending, 2), (TenantStatus.Pending, 2), (TenantStatus.Pending, 5)], status.Tenants.Select(t => (t.Status, t.Migrations)));

        var rolledBack = await runner.RollbackAsync(Db, tenants, TenantFaultScenario.Migrations, RollbackTarget.Steps(1), cancellationToken: Ct);

        Assert.True(rolledBack.Succeeded);
        Assert.All(rolledBack.Tenants, t => Assert.Equal(("20260101000003", "20260101000002"), (t.FromVersion, t.ToVersion)));
        Assert.False(await TenantFaultScenario.ColumnExistsAsync(Db, "roll_b", "tickets", "priority", Ct));
    }

    [Fact]
    public async Task An_invalid_tenant_name_fails_that_tenant_without_sql_and_the_others_run()
    {
        var runner = new TenantMigrationRunner();

        var report = await runner.MigrateAsync(Db, ["pg_evil", "ok_tenant", new string('x', 64)], TenantFaultScenario.Migrations.Take(1).ToList(), cancellationToken: Ct);

        Assert.Equal([TenantStatus.Failed, TenantStatus.Done, TenantStatus.Failed], report.Tenants.Select(t => t.Status));
        Assert.Contains("PostgreSQL reserves", report.Tenants[0].Error, StringComparison.Ordinal);
        Assert.Contains("at most 63", report.Tenants[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_in_a_tenant_name_never_reaches_sql()
    {
        const string tenant = "a\"; DROP SCHEMA public CASCADE; --";

        var report = await new TenantMigrationRunner().MigrateAsync(Db, [tenant], TenantFaultScenario.Migrations.Take(1).ToList(), cancellationToken: Ct);

        Assert.Equal(TenantStatus.Failed, report.Tenants[0].Status);
        Assert.Contains("InvalidTenant", report.Tenants[0].Error, StringComparison.Ordinal);
        await using var command = Db.CreateCommand("SELECT count(*) FROM pg_namespace WHERE nspname = 'public'");
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public void A_placeholder_outside_a_quoted_identifier_is_refused_before_anything_runs()
    {
        var bad = new MigrationFile { Version = "20260101000001", Name = "bad", Up = ["CREATE TABLE {tenant}.x (id int)"] };

        var error = Assert.Throws<MigrationException>(() => TenantSchema.CheckPlaceholders([bad]));

        Assert.Contains("20260101000001_bad.sql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zero_tenants_is_a_success_that_says_so()
    {
        var report = await new TenantMigrationRunner().MigrateAsync(Db, [], TenantFaultScenario.Migrations, cancellationToken: Ct);

        Assert.True(report.Succeeded);
        Assert.Equal("0 tenants: nothing to migrate (the tenant list is empty).", report.Summary);
    }

    private async Task<List<string>> HistoryAsync(string tenant)
    {
        await using var command = Db.CreateCommand(
            $"SELECT version FROM \"{tenant}\".\"ashlar_schema_migrations\" WHERE to_regclass('\"{tenant}\".\"ashlar_schema_migrations\"') IS NOT NULL ORDER BY version");
        try
        {
            await using var reader = await command.ExecuteReaderAsync(Ct);
            var versions = new List<string>();
            while (await reader.ReadAsync(Ct))
            {
                versions.Add(reader.GetString(0));
            }

            return versions;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return [];
        }
    }

    private async Task<List<DateTime>> AppliedAtAsync(string tenant)
    {
        await using var command = Db.CreateCommand($"SELECT applied_at FROM \"{tenant}\".\"ashlar_schema_migrations\" ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var times = new List<DateTime>();
        while (await reader.ReadAsync(Ct))
        {
            times.Add(reader.GetDateTime(0));
        }

        return times;
    }
}
