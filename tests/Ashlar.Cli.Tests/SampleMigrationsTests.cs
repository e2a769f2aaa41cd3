using System.Diagnostics;
using System.Text.Json;
using Ashlar.LocalCluster;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Migrations.Running;
using Ashlar.Postgres.Schema;
using Ashlar.Postgres.Schema.Introspection;
using Ashlar.Testing;
using HelpDesk;
using HelpDesk.Resources;
using Npgsql;
using Xunit;

namespace Ashlar.Cli.Tests;

/// <summary>The HelpDesk sample's committed migrations (samples/HelpDesk/Migrations) against its declarations.</summary>
public sealed class SampleMigrationsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Codegen_check_passes_on_the_committed_migrations()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await AshlarCli.RunAsync(["check"], HelpDeskDomain.Build(), new CliOptions
        {
            MigrationsDirectory = SamplePaths.MigrationsDirectory,
            Output = output,
            Error = error,
        }, Ct);

        Assert.True(exit == 0, $"check failed; run `dotnet run --project samples/HelpDesk -- codegen <name>`:\n{error}");
    }

    [Fact]
    public async Task A_database_migrated_from_the_committed_migrations_has_exactly_the_declared_schema()
    {
        await HelpDeskServer.RequireAsync(db);
        var migrations = await MigrationDirectory.LoadAsync(MigrationDirectory.ForRepo(SamplePaths.MigrationsDirectory, new HelpDeskRepo().Name), Ct);
        Assert.NotEmpty(migrations);
        await new MigrationRunner().MigrateAsync(db.DataSource, migrations, Ct);
        var declared = await PostgresServer.CreateDatabaseAsync("declared_schema", Ct);
        try
        {
            await using (var domain = PostgresDomain.Create(HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>(declared)))
            {
                await domain.Postgres().CreateSchemaAsync(Ct);
            }

            var expected = await CatalogTextAsync(declared);
            var actual = await CatalogTextAsync(db.ConnectionString);
            Assert.Contains("\"users\"", actual, StringComparison.Ordinal);
            Assert.Equal(expected, actual);

            // pg_dump also compares what the catalog reader leaves out (function bodies, comments), but it refuses a
            // server newer than itself: only when the machine's pg_dump matches the server's major.
            if (await PgDumpMatchesServerAsync())
            {
                Assert.Equal(await SchemaDumpAsync(declared), await SchemaDumpAsync(db.ConnectionString));
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(declared, Ct);
        }
    }

    [Fact]
    public async Task A_tenant_migrated_from_the_committed_tenant_migrations_has_exactly_the_declared_tenant_schema()
    {
        await HelpDeskServer.RequireAsync(db);
        var repo = MigrationDirectory.ForRepo(SamplePaths.MigrationsDirectory, new HelpDeskRepo().Name);
        await new MigrationRunner().MigrateAsync(db.DataSource, await MigrationDirectory.LoadAsync(repo, Ct), Ct);

        // One organization's schema comes from the committed tenant migrations, the other's from the declarations.
        await using var migrated = PostgresDomain.Create(HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>(db.ConnectionString).TenantMigrations<HelpDeskRepo>(Path.Combine(repo, "tenants")));
        await using var declared = PostgresDomain.Create(HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>(db.ConnectionString));
        var fromMigrations = await migrated.CreateAsync<Organization>(new { name = "From tenant migrations" }, cancellationToken: Ct);
        var fromDeclarations = await declared.CreateAsync<Organization>(new { name = "From declarations" }, cancellationToken: Ct);
        try
        {
            await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
            var catalog = await CatalogReader.ReadAsync(connection, excludeTables: [$"{fromMigrations.Tenant}.ashlar_schema_migrations"], ct: Ct);
            var expected = await TenantSchemaTextAsync(connection, catalog, fromDeclarations.Tenant);
            var actual = await TenantSchemaTextAsync(connection, catalog, fromMigrations.Tenant);

            Assert.Contains("\"tickets\"", actual, StringComparison.Ordinal);
            Assert.Contains("CREATE VIEW open_tickets", actual, StringComparison.Ordinal);
            Assert.Equal(expected, actual);
        }
        finally
        {
            await migrated.DestroyAsync(fromMigrations, cancellationToken: Ct);
            await declared.DestroyAsync(fromDeclarations, cancellationToken: Ct);
        }
    }

    /// <summary>The tenant's tables, functions and views, with its schema name written as {tenant}.</summary>
    private static async Task<string> TenantSchemaTextAsync(NpgsqlConnection connection, SchemaModel catalog, string tenant)
    {
        var views = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT 'CREATE VIEW ' || viewname || ' AS ' || definition FROM pg_views WHERE schemaname = $1 ORDER BY viewname", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = tenant });
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                views.Add(reader.GetString(0));
            }
        }

        var text = JsonSerializer.Serialize(new
        {
            Tables = catalog.Tables.Where(t => t.Schema == tenant),
            Functions = catalog.Functions.Where(f => f.StartsWith(tenant + ".", StringComparison.Ordinal)),
            Views = views,
        }, Indented);
        return text.Replace(tenant, "{tenant}", StringComparison.Ordinal);
    }

    private static async Task<string> CatalogTextAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        var catalog = await CatalogReader.ReadAsync(connection, excludeTables: ["public.ashlar_schema_migrations"], ct: Ct);
        return JsonSerializer.Serialize(catalog, Indented);
    }

    private async Task<bool> PgDumpMatchesServerAsync()
    {
        var pgDump = Path.Combine(PostgresBinaries.Locate().BinDirectory, "pg_dump");
        if (!File.Exists(pgDump))
        {
            return false;
        }

        using var process = Process.Start(new ProcessStartInfo(pgDump) { ArgumentList = { "--version" }, RedirectStandardOutput = true })!;

        var version = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        return process.ExitCode == 0 && version.Contains($") {connection.PostgreSqlVersion.Major}.", StringComparison.Ordinal);
    }

    private static async Task<string> SchemaDumpAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(PostgresBinaries.Locate().BinDirectory, "pg_dump"))
        {
            ArgumentList =
            {
                "--schema-only", "--no-owner", "--no-privileges", "--exclude-table=public.ashlar_schema_migrations",
                "-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", builder.Username!, builder.Database!,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = builder.Password ?? "";
        using var process = Process.Start(start)!;
        var dump = await process.StandardOutput.ReadToEndAsync(Ct);
        var errors = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, errors);

        // The header names the database and pg_dump's version; only the objects matter.
        return string.Join('\n', dump.Split('\n').Where(l => !l.StartsWith("-- Dumped", StringComparison.Ordinal) && !l.StartsWith("\\restrict", StringComparison.Ordinal) && !l.StartsWith("\\unrestrict", StringComparison.Ordinal)));
    }
}
