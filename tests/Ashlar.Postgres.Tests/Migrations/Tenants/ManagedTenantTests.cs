using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Migrations.Running;
using Ashlar.Postgres.Tests.Migrations.Generation;
using Ashlar.Postgres.Tests.Migrations.Tenants.Saas;
using Ashlar.Testing;
using Xunit;

namespace Ashlar.Postgres.Tests.Migrations.Tenants;

/// <summary>Managed tenants on a database migrated by generated migrations; each test uses its own slugs.</summary>
public sealed class ManagedTenantTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DomainModel Model() =>
        DomainModel.Build("saas", d => d.Resource<Workspace>().Resource<Folder>().Resource<Note>().Resource<Org>().Resource<Shop>());

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Creating_an_org_creates_its_schema_migrated_to_the_newest_tenant_migration_and_lists_it()
    {
        await using var domain = await MigratedAsync();

        var org = await domain.CreateAsync<Org>(new { slug = "acme" }, cancellationToken: Ct);

        Assert.True(await ExistsAsync("\"org_acme\".\"notes\""));
        Assert.True(await ExistsAsync("\"org_acme\".\"folders\""));
        var tenantFiles = await MigrationDirectory.LoadAsync(Path.Combine(_dir.Path, "saas_repo", "tenants"), Ct);
        Assert.Equal(tenantFiles[^1].Version, await ScalarAsync<string>("SELECT max(version) FROM \"org_acme\".\"ashlar_schema_migrations\""));
        Assert.Contains("org_acme", await domain.Postgres().AllTenantsAsync(typeof(SaasRepo), Ct));
        var report = await new Postgres.Migrations.Tenants.TenantMigrationRunner().StatusAsync(database.DataSource, ["org_acme"], tenantFiles, cancellationToken: Ct);
        Assert.True(report.Succeeded, "a newly created tenant has nothing pending");
        Assert.NotEqual(Guid.Empty, org.Id);
    }

    [Fact]
    public async Task A_failing_tenant_migration_on_create_leaves_no_record_and_no_schema()
    {
        await MigratedAsync();
        var failing = new MigrationFile
        {
            Version = "29991231000000",
            Name = "breaks",
            Up = ["ALTER TABLE \"{tenant}\".\"notes\" ADD COLUMN \"rank\" integer", "ALTER TABLE \"{tenant}\".\"no_such_table\" ADD COLUMN \"x\" integer"],
        };
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "saas_repo", "tenants", failing.FileName), failing.ToText(), Ct);
        await using var domain = Connect();

        var error = await Assert.ThrowsAsync<MigrationStatementException>(() => domain.CreateAsync<Org>(new { slug = "doomed" }, cancellationToken: Ct));

        Assert.Contains("29991231000000_breaks.sql failed at up statement 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("neither the Org record nor the schema remains", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM saas.orgs WHERE slug = 'doomed'"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname = 'org_doomed'"));
    }

    [Fact]
    public async Task Changing_the_slug_renames_the_schema_with_its_data_unless_the_resource_keeps_the_name()
    {
        await using var domain = await MigratedAsync();
        var org = await domain.CreateAsync<Org>(new { slug = "initech" }, cancellationToken: Ct);
        await ExecuteAsync("INSERT INTO \"org_initech\".\"folders\" (name) VALUES ('kept')");
        var shop = await domain.CreateAsync<Shop>(new { slug = "corner" }, cancellationToken: Ct);

        await domain.UpdateAsync(org, new { slug = "initrode" }, cancellationToken: Ct);
        await domain.UpdateAsync(shop, new { slug = "square" }, cancellationToken: Ct);

        Assert.False(await ExistsAsync("\"org_initech\".\"folders\""));
        Assert.Equal("kept", await ScalarAsync<string>("SELECT name FROM \"org_initrode\".\"folders\""));
        Assert.True(await ExistsAsync("\"shop_corner\".\"folders\""));
        Assert.False(await ExistsAsync("\"shop_square\".\"folders\""));
    }

    [Fact]
    public async Task Destroying_keeps_the_schema_unless_the_resource_asks_to_drop_it()
    {
        await using var domain = await MigratedAsync();
        var org = await domain.CreateAsync<Org>(new { slug = "umbrella" }, cancellationToken: Ct);
        var shop = await domain.CreateAsync<Shop>(new { slug = "kiosk" }, cancellationToken: Ct);

        await domain.DestroyAsync(org, cancellationToken: Ct);
        await domain.DestroyAsync(shop, cancellationToken: Ct);

        Assert.True(await ExistsAsync("\"org_umbrella\".\"folders\""));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname = 'shop_kiosk'"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM saas.shops WHERE slug = 'kiosk'"));
    }

    [Fact]
    public async Task A_template_value_that_is_not_a_tenant_name_is_a_typed_error_and_nothing_remains()
    {
        await using var domain = await MigratedAsync();

        var error = await Assert.ThrowsAsync<Ashlar.Errors.InvalidException>(() => domain.CreateAsync<Org>(new { slug = "x\"; DROP SCHEMA saas CASCADE; --" }, cancellationToken: Ct));

        Assert.Contains(error.Errors, e => e is Ashlar.Errors.InvalidTenant);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM saas.orgs WHERE slug LIKE 'x%'"));
    }

    /// <summary>Generates the migrations once per test folder, applies the global ones (idempotently) and connects.</summary>
    private async Task<Domain> MigratedAsync()
    {
        var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = _dir.Path, TimeProvider = new FixedClock(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)) });
        generator.Generate(Model(), "initial");
        await new MigrationRunner().MigrateAsync(database.DataSource, await MigrationDirectory.LoadAsync(Path.Combine(_dir.Path, "saas_repo"), Ct), Ct);
        return Connect();
    }

    private Domain Connect() =>
        PostgresDomain.Create(Model(), pg => pg.Repo<SaasRepo>(database.DataSource).TenantMigrations<SaasRepo>(Path.Combine(_dir.Path, "saas_repo", "tenants")));

    private async Task<bool> ExistsAsync(string table) => await ScalarAsync<bool>($"SELECT to_regclass('{table.Replace("'", "''", StringComparison.Ordinal)}') IS NOT NULL");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
