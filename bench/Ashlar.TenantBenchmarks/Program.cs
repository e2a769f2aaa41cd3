using System.Diagnostics;
using Ashlar.LocalCluster;
using Ashlar.Postgres.Migrations.Tenants;
using Ashlar.Postgres.Tests.Migrations.Tenants;
using Npgsql;

// Tenant migrations at scale on a throwaway PostgreSQL (figures in bench/README.md):
//   1. 1,000 tenants × 5 tenant migrations with --jobs 1, then with --jobs 2, 4 and 8 (a fresh database each);
//   2. the fault scenario: 1,000 tenants, tenant #137's third migration fails; checks and the rerun after the fix;
//   3. 10,000 tenants migrated, then checked with nothing pending.
// Usage: dotnet run -c Release --project bench/Ashlar.TenantBenchmarks [-- --tenants 1000 --big 10000]
var tenantsCount = Arg("--tenants", 1000);
var bigCount = Arg("--big", 10_000);
await using var cluster = await TemporaryCluster.StartAsync();
Console.WriteLine($"PostgreSQL {cluster.Version}, {Environment.ProcessorCount} cores, {tenantsCount} tenants × {TenantFaultScenario.Migrations.Count} migrations");
var tenants = TenantFaultScenario.Tenants(tenantsCount);

var timings = new List<(int Jobs, double Seconds)>();
foreach (var jobs in new[] { 1, 2, 4, 8 })
{
    await using var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync($"jobs_{jobs}"));
    var report = await new TenantMigrationRunner(new TenantRunOptions { Jobs = jobs }).MigrateAsync(db, tenants, TenantFaultScenario.Migrations);
    Check(report.Succeeded && report.Count(TenantStatus.Done) == tenantsCount, $"jobs {jobs}: every tenant migrated");
    timings.Add((jobs, report.Elapsed.TotalSeconds));
    Console.WriteLine($"migrate {tenantsCount} tenants --jobs {jobs}: {report.Elapsed.TotalSeconds:0.00} s");
}

var best = timings.MinBy(t => t.Seconds);
Console.WriteLine($"best --jobs {best.Jobs}: {timings[0].Seconds / best.Seconds:0.00}× faster than --jobs 1");

// The fault scenario.
{
    await using var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync("fault"));
    var faulty = TenantFaultScenario.Tenant(137);
    await TenantFaultScenario.PlantFaultAsync(db, faulty, default);
    var runner = new TenantMigrationRunner(new TenantRunOptions { Jobs = best.Jobs });
    var report = await runner.MigrateAsync(db, tenants, TenantFaultScenario.Migrations);
    var versions = await TenantFaultScenario.VersionsAsync(db, default);
    Check(!report.Succeeded, "the run with a fault does not succeed (exit code non-zero)");
    var failed = report.Tenants.Where(t => t.Status == TenantStatus.Failed).ToList();
    Check(failed.Count == 1 && failed[0].Tenant == faulty, $"the report names exactly {faulty} as failed");
    Check(versions.Count == tenantsCount && versions.Where(v => v.Key != faulty).All(v => v.Value == TenantFaultScenario.Newest), "every other tenant is at the newest version");
    Check(versions[faulty] == TenantFaultScenario.Migrations[1].Version, $"{faulty} is exactly at version 2");
    Check(!await TenantFaultScenario.ColumnExistsAsync(db, faulty, "tickets", "priority", default), $"{faulty} has no trace of migration 3 (its column is absent)");
    Console.WriteLine($"fault run: {report.Summary} Error for {faulty}: {failed[0].Error}");
    await File.WriteAllTextAsync("tenant-fault-report.json", report.ToJson());

    await TenantFaultScenario.RemoveFaultAsync(db, faulty, default);
    var rerun = await runner.MigrateAsync(db, tenants, TenantFaultScenario.Migrations);
    Check(rerun.Succeeded && rerun.Count(TenantStatus.Done) == 1 && rerun.Tenants.Single(t => t.Status == TenantStatus.Done) is { Migrations: 3 } t137 && t137.Tenant == faulty,
        $"the rerun applies only {faulty}'s 3 pending migrations");
    Console.WriteLine($"rerun: {rerun.Summary}");
}

// 10,000 tenants, nothing pending.
{
    await using var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync("big"));
    var big = TenantFaultScenario.Tenants(bigCount);
    var runner = new TenantMigrationRunner(new TenantRunOptions { Jobs = best.Jobs });
    var setup = await runner.MigrateAsync(db, big, TenantFaultScenario.Migrations);
    Check(setup.Succeeded, $"{bigCount} tenants migrated");
    Console.WriteLine($"setup: {setup.Summary}");
    var clock = Stopwatch.StartNew();
    var check = await runner.MigrateAsync(db, big, TenantFaultScenario.Migrations);
    Check(check.Succeeded && check.Count(TenantStatus.UpToDate) == bigCount, "nothing pending, every tenant up to date");
    Console.WriteLine($"{bigCount} tenants, nothing pending, --jobs {best.Jobs}: {clock.Elapsed.TotalSeconds:0.00} s");
    var status = await runner.StatusAsync(db, big, TenantFaultScenario.Migrations);
    Console.WriteLine($"status --tenants over {bigCount}: {status.Elapsed.TotalSeconds:0.00} s");
}

return 0;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

static void Check(bool condition, string what)
{
    Console.WriteLine((condition ? "  ok   " : "  FAIL ") + what);
    if (!condition)
    {
        Environment.Exit(1);
    }
}
