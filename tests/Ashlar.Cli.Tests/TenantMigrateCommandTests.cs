using System.Text.Json;
using Ashlar.Cli.Tests.Tenants;
using Ashlar.Testing;
using Xunit;

namespace Ashlar.Cli.Tests;

/// <summary>
/// <c>migrate --tenants</c> end to end through the command line: codegen writes the tenant migrations, managed tenants
/// are created, then the command migrates every tenant in parallel, writes its report and exits 1 naming a failing one.
/// </summary>
public sealed class TenantMigrateCommandTests(DatabaseFixture db)
    : TenantCommandTestBase(db, "ashlar-cli-tenants-"), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Migrate_tenants_migrates_every_tenant_in_parallel_reports_each_and_exits_1_naming_a_failing_one()
    {
        Assert.Equal(0, await RunAsync(First(), "codegen", "initial"));
        Assert.Equal(0, await RunAsync(First(), "migrate"));
        await CreateClinicsAsync("a", "b", "c");

        var initial = Assert.Single(Directory.GetFiles(TenantFolder, "*.sql"));
        Assert.Equal(0, await RunAsync(Next(), "codegen", "add_notes"));
        var versions = Directory.GetFiles(TenantFolder, "*.sql").Select(f => Path.GetFileName(f)[..14]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal(Path.GetFileName(initial)[..14], versions[0]);

        // A fault in clinic_b: a column its second migration is about to add.
        await ExecuteAsync("ALTER TABLE \"clinic_b\".\"visits\" ADD COLUMN \"notes\" integer");
        var firstReport = Path.Combine(Root, "first.json");

        var failed = await RunAsync(Next(), "migrate", "--tenants", "--jobs", "2", "--report", firstReport);

        Assert.Equal(1, failed);
        Assert.Contains("clinic_repo: migrate --tenants over 3 tenant(s), 2 tenant migration(s), --jobs 2.", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("failed clinic_b: ", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("clinic_repo: 3 tenants: 2 migrated, 0 up to date, 1 failed, 0 skipped", Out.ToString(), StringComparison.Ordinal);
        var report = await ReadReportAsync(firstReport);
        Assert.False(report.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Equal(("done", versions[0], versions[1], 1), Line(report, "clinic_a"));
        Assert.Equal(("failed", versions[0], versions[0], 0), Line(report, "clinic_b"));
        Assert.Equal(("done", versions[0], versions[1], 1), Line(report, "clinic_c"));
        var error = Tenant(report, "clinic_b").GetProperty("error").GetString()!;
        Assert.Contains("add_notes", error, StringComparison.Ordinal);
        Assert.Contains("\"notes\"", error, StringComparison.Ordinal);
        Assert.Equal("text", await ColumnTypeAsync("clinic_a", "notes"));
        Assert.Equal("integer", await ColumnTypeAsync("clinic_b", "notes"));
        Assert.Equal("text", await ColumnTypeAsync("clinic_c", "notes"));
        Assert.Equal([versions[0]], await HistoryAsync("clinic_b"));
        Assert.Equal(versions, await HistoryAsync("clinic_a"));

        // The fault removed, the rerun applies only clinic_b's pending migration.
        await ExecuteAsync("ALTER TABLE \"clinic_b\".\"visits\" DROP COLUMN \"notes\"");
        var secondReport = Path.Combine(Root, "second.json");

        Assert.Equal(0, await RunAsync(Next(), "migrate", "--tenants", "--jobs", "2", "--report", secondReport));

        report = await ReadReportAsync(secondReport);
        Assert.True(report.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Equal(("up_to_date", versions[1], versions[1], 0), Line(report, "clinic_a"));
        Assert.Equal(("done", versions[0], versions[1], 1), Line(report, "clinic_b"));
        Assert.Equal(("up_to_date", versions[1], versions[1], 0), Line(report, "clinic_c"));
        Assert.Equal("text", await ColumnTypeAsync("clinic_b", "notes"));
        Assert.Equal(versions, await HistoryAsync("clinic_b"));
        Assert.Equal(0, await RunAsync(Next(), "status", "--tenants"));
        Assert.Contains("clinic_repo: 3 tenants: 0 migrated, 3 up to date, 0 pending, 0 failed, 0 skipped", Out.ToString(), StringComparison.Ordinal);
        Assert.Equal("", Err.ToString());
    }

    [Fact]
    public async Task Only_and_except_choose_the_tenants_and_rollback_tenants_steps_each_back()
    {
        var database = await PostgresServer.CreateDatabaseAsync("cli_tenants_only", Ct);
        try
        {
            var options = Options(database);
            Assert.Equal(0, await AshlarCli.RunAsync(["codegen", "initial"], First(), options, Ct));
            Assert.Equal(0, await AshlarCli.RunAsync(["migrate"], First(), options, Ct));
            await CreateClinicsInAsync(database, "a", "b", "c");

            Assert.Equal(0, await AshlarCli.RunAsync(["codegen", "add_notes"], Next(), options, Ct));
            var onlyReport = Path.Combine(Root, "only.json");

            Assert.Equal(0, await AshlarCli.RunAsync(["migrate", "--tenants", "--only", "clinic_a,clinic_c", "--report", onlyReport], Next(), options, Ct));
            var only = await ReadReportAsync(onlyReport);
            Assert.Equal(["clinic_a", "clinic_c"], only.RootElement.GetProperty("tenants").EnumerateArray().Select(t => t.GetProperty("tenant").GetString()).Order(StringComparer.Ordinal));

            // A status with a tenant behind is not a success.
            Assert.Equal(1, await AshlarCli.RunAsync(["status", "--tenants"], Next(), options, Ct));
            Assert.Contains("clinic_b", Out.ToString(), StringComparison.Ordinal);
            Assert.Equal(1, await AshlarCli.RunAsync(["migrate", "--tenants", "--only", "clinic_z"], Next(), options, Ct));
            Assert.Contains("--only names clinic_z, not among its 3 tenants; nothing was run.", Err.ToString(), StringComparison.Ordinal);

            var rollbackReport = Path.Combine(Root, "rollback.json");
            Assert.Equal(0, await AshlarCli.RunAsync(["rollback", "--tenants", "--except", "clinic_b", "--report", rollbackReport], Next(), options, Ct));
            var rollback = await ReadReportAsync(rollbackReport);
            Assert.Equal(["clinic_a", "clinic_c"], rollback.RootElement.GetProperty("tenants").EnumerateArray().Select(t => t.GetProperty("tenant").GetString()).Order(StringComparer.Ordinal));
            Assert.All(rollback.RootElement.GetProperty("tenants").EnumerateArray(), t => Assert.Equal("done", t.GetProperty("status").GetString()));
            Assert.Equal(1, await AshlarCli.RunAsync(["status", "--tenants"], Next(), options, Ct));
            Assert.Contains("clinic_repo: 3 tenants: 0 migrated, 0 up to date, 3 pending, 0 failed, 0 skipped", Out.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database, Ct);
        }
    }

    [Fact]
    public async Task A_named_codegen_rolls_back_the_dev_tenant_migrations_every_tenant_applied_before_squashing_them()
    {
        var database = await PostgresServer.CreateDatabaseAsync("cli_tenants_squash", Ct);
        try
        {
            var options = Options(database);
            Assert.Equal(0, await AshlarCli.RunAsync(["codegen", "initial"], First(), options, Ct));
            Assert.Equal(0, await AshlarCli.RunAsync(["migrate"], First(), options, Ct));
            await CreateClinicsInAsync(database, "a", "b");

            Assert.Equal(0, await AshlarCli.RunAsync(["codegen", "--dev"], Next(), options, Ct));
            var dev = Assert.Single(Directory.GetFiles(TenantFolder, "*_dev*.sql"));
            Assert.Equal(0, await AshlarCli.RunAsync(["migrate", "--tenants"], Next(), options, Ct));
            await using var source = Npgsql.NpgsqlDataSource.Create(database);
            Assert.Equal("text", await ColumnTypeAsync(source, "clinic_a", "notes"));

            Assert.Equal(0, await AshlarCli.RunAsync(["codegen", "add_notes"], Next(), options, Ct));

            Assert.Contains("clinic_repo/tenants: rolled back 2 dev tenant migration(s) in 2 tenant(s).", Out.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(dev));
            var versions = Directory.GetFiles(TenantFolder, "*.sql").Select(f => Path.GetFileName(f)[..14]).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, versions.Count);
            foreach (var tenant in new[] { "clinic_a", "clinic_b" })
            {
                Assert.Null(await ColumnTypeAsync(source, tenant, "notes"));
                Assert.Equal([versions[0]], await HistoryAsync(source, tenant));
            }

            // The squashed migration applies cleanly where the dev one was.
            Assert.Equal(0, await AshlarCli.RunAsync(["migrate", "--tenants"], Next(), options, Ct));
            foreach (var tenant in new[] { "clinic_a", "clinic_b" })
            {
                Assert.Equal("text", await ColumnTypeAsync(source, tenant, "notes"));
                Assert.Equal(versions, await HistoryAsync(source, tenant));
            }

            Assert.Equal("", Err.ToString());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database, Ct);
        }
    }

    private static async Task<JsonDocument> ReadReportAsync(string path) => JsonDocument.Parse(await File.ReadAllTextAsync(path, Ct));

    private static JsonElement Tenant(JsonDocument report, string tenant) =>
        Assert.Single(report.RootElement.GetProperty("tenants").EnumerateArray(), t => t.GetProperty("tenant").GetString() == tenant);

    private static (string? Status, string? From, string? To, int Migrations) Line(JsonDocument report, string tenant)
    {
        var line = Tenant(report, tenant);
        return (line.GetProperty("status").GetString(), line.GetProperty("from_version").GetString(), line.GetProperty("to_version").GetString(), line.GetProperty("migrations").GetInt32());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = Db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private Task<string?> ColumnTypeAsync(string schema, string column) => ColumnTypeAsync(Db.DataSource, schema, column);

    private Task<List<string>> HistoryAsync(string schema) => HistoryAsync(Db.DataSource, schema);
}
