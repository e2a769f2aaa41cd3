using Ashlar.Domains;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Migrations.Running;
using Ashlar.Postgres.Migrations.Tenants;
using Ashlar.Postgres.Tests.Migrations.Generation;
using Ashlar.Postgres.Tests.Migrations.Tenants.Saas;
using Ashlar.Testing;
using Xunit;

namespace Ashlar.Postgres.Tests.Migrations.Tenants;

public sealed class TenantCodegenTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static DomainModel Domain() => DomainModel.Build("saas", d => d.Resource<Workspace>().Resource<Folder>().Resource<Note>());

    private static DomainModel NextDomain() => DomainModel.Build("saas", d => d.Resource<Workspace>().Resource<Folder>().Resource<PinnedNote>());

    [Fact]
    public async Task Tenant_tables_get_their_own_snapshots_and_migrations_with_the_placeholder_schema_and_apply_to_each_tenant()
    {
        using var dir = new TempDirectory();
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = dir.Path, TimeProvider = new FixedClock(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)) });

        var result = generator.Generate(Domain(), "initial");

        Assert.Equal(["saas_repo", "saas_repo/tenants"], result.Repos.Select(r => r.Repo));
        var main = Assert.Single(result.Repos[0].Migrations);
        var tenant = Assert.Single(result.Repos[1].Migrations);
        Assert.DoesNotContain(main.Up, s => s.Contains("folders", StringComparison.Ordinal) || s.Contains("{tenant}", StringComparison.Ordinal));
        Assert.Contains(tenant.Up, s => s.StartsWith("CREATE TABLE \"{tenant}\".\"folders\"", StringComparison.Ordinal));
        Assert.Contains(tenant.Up, s => s.Contains("REFERENCES \"saas\".\"workspaces\"", StringComparison.Ordinal));
        Assert.Contains(tenant.Up, s => s.Contains("REFERENCES \"{tenant}\".\"folders\"", StringComparison.Ordinal));
        Assert.Contains(tenant.Up, s => s.Contains("\"{tenant}\".\"ashlar_uuid_v7\"", StringComparison.Ordinal));
        Assert.DoesNotContain(tenant.Up, s => s.Contains("CREATE SCHEMA", StringComparison.Ordinal) || s.Contains("CREATE EXTENSION", StringComparison.Ordinal));
        var files = dir.Files();
        Assert.Contains(files, f => f.StartsWith("saas_repo/tenants/", StringComparison.Ordinal) && f.EndsWith("_initial.sql", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("Snapshots/saas_repo/tenants/{tenant}.folders/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("Snapshots/saas_repo/saas.workspaces/", StringComparison.Ordinal));
        Assert.Equal(GenerationResult.NoChanges, generator.Generate(Domain()).Summary);
        Assert.True(generator.Check(Domain()).Ok);

        // Apply: the global migration, then the tenant migrations to two tenants.
        var mainFiles = await MigrationDirectory.LoadAsync(Path.Combine(dir.Path, "saas_repo"), Ct);
        var tenantFiles = await MigrationDirectory.LoadAsync(Path.Combine(dir.Path, "saas_repo", "tenants"), Ct);
        Assert.Single(mainFiles);
        await new MigrationRunner().MigrateAsync(database.DataSource, mainFiles, Ct);
        var report = await new TenantMigrationRunner(new TenantRunOptions { Jobs = 2 }).MigrateAsync(database.DataSource, ["acme", "globex"], tenantFiles, cancellationToken: Ct);
        Assert.True(report.Succeeded, string.Join("; ", report.Tenants.Select(t => t.Error)));
        foreach (var schema in new[] { "acme", "globex" })
        {
            await using var command = database.DataSource.CreateCommand("SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL");
            command.Parameters.Add(new() { Value = $"\"{schema}\".\"notes\"" });
            command.Parameters.Add(new() { Value = $"\"{schema}\".\"folders\"" });
            Assert.True((bool)(await command.ExecuteScalarAsync(Ct))!);
        }
    }

    [Fact]
    public void Dev_tenant_migrations_are_checked_and_squashed_like_the_others()
    {
        using var dir = new TempDirectory();
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = dir.Path, TimeProvider = new FixedClock(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)) });
        generator.Generate(Domain(), "initial");

        var check = generator.Check(NextDomain());
        Assert.Contains(check.Differences, d => d.StartsWith("saas_repo/tenants: ", StringComparison.Ordinal) && d.Contains("pinned", StringComparison.Ordinal));

        var dev = generator.Generate(NextDomain(), dev: true);
        var devFile = Assert.Single(Assert.Single(dev.Repos, r => r.Repo == "saas_repo/tenants").Migrations);
        Assert.True(devFile.Dev);
        Assert.Contains(devFile.Up, s => s.Contains("ALTER TABLE \"{tenant}\".\"notes\" ADD COLUMN \"pinned\"", StringComparison.Ordinal));
        Assert.Contains(generator.Check(NextDomain()).Differences, d => d.StartsWith("saas_repo/tenants: dev file", StringComparison.Ordinal));
        Assert.DoesNotContain(generator.Check(NextDomain()).Differences, d => d.StartsWith("saas_repo: ", StringComparison.Ordinal));

        var squashed = generator.Generate(NextDomain(), "add pinned");

        var tenants = Assert.Single(squashed.Repos, r => r.Repo == "saas_repo/tenants");
        Assert.Equal("add_pinned", Assert.Single(tenants.Migrations).Name);
        Assert.Contains(tenants.Deleted, p => p.EndsWith("_dev_" + devFile.Name[4..] + ".sql", StringComparison.Ordinal) || p.EndsWith(devFile.FileName, StringComparison.Ordinal));
        Assert.DoesNotContain(dir.Files(), f => f.Contains("_dev", StringComparison.Ordinal));
        Assert.True(generator.Check(NextDomain()).Ok);
    }
}
