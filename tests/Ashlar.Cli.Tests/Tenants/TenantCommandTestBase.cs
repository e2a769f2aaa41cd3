using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Testing;
using Npgsql;
using Xunit;

namespace Ashlar.Cli.Tests.Tenants;

/// <summary>
/// What the tenant command tests share: a throwaway migrations folder, captured output, the clinic domain before
/// (<see cref="First"/>) and after (<see cref="Next"/>) a tenant migration that adds <c>visits.notes</c>, and the
/// managed clinics that are the tenants.
/// </summary>
public abstract class TenantCommandTestBase(DatabaseFixture db, string folderPrefix) : IDisposable
{
    /// <summary>The shared test database.</summary>
    protected DatabaseFixture Db { get; } = db;

    /// <summary>The migrations folder the commands read and write.</summary>
    protected string Root { get; } = Directory.CreateTempSubdirectory(folderPrefix).FullName;

    /// <summary>Everything the commands printed to standard output.</summary>
    protected StringWriter Out { get; } = new();

    /// <summary>Everything the commands printed to standard error.</summary>
    protected StringWriter Err { get; } = new();

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The clinic domain before the tenant change.</summary>
    protected static DomainModel First() => DomainModel.Build("clinics", d => d.Resource<Clinic>().Resource<Visit>());

    /// <summary>The clinic domain after the tenant change (visits gain <c>notes</c>).</summary>
    protected static DomainModel Next() => DomainModel.Build("clinics", d => d.Resource<Clinic>().Resource<NotedVisit>());

    /// <summary>Where codegen writes the tenant migrations.</summary>
    protected string TenantFolder => Path.Combine(Root, "clinic_repo", "tenants");

    /// <inheritdoc />
    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        Out.Dispose();
        Err.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the command line against the fixture's database.</summary>
    protected Task<int> RunAsync(DomainModel domain, params string[] args) =>
        AshlarCli.RunAsync(args, domain, Options(Db.ConnectionString), Ct);

    /// <summary>The command-line options for another database, with this test's folder and output.</summary>
    protected CliOptions Options(string connectionString) =>
        new() { ConnectionString = connectionString, MigrationsDirectory = Root, Output = Out, Error = Err };

    /// <summary>Creates one managed clinic per slug in another database, each a tenant schema <c>clinic_&lt;slug&gt;</c>.</summary>
    protected Task CreateClinicsInAsync(string connectionString, params string[] slugs) =>
        CreateClinicsAsync(pg => pg.Repo<ClinicRepo>(connectionString), slugs);

    /// <summary>Creates managed clinics in the fixture's database.</summary>
    protected Task CreateClinicsAsync(params string[] slugs) => CreateClinicsAsync(pg => pg.Repo<ClinicRepo>(Db.DataSource), slugs);

    private async Task CreateClinicsAsync(Action<PostgresDataLayerBuilder> repo, string[] slugs)
    {
        await using var domain = PostgresDomain.Create(First(), pg =>
        {
            repo(pg);
            pg.TenantMigrations<ClinicRepo>(TenantFolder);
        });
        foreach (var slug in slugs)
        {
            await domain.CreateAsync<Clinic>(new { slug }, cancellationToken: Ct);
        }
    }

    /// <summary>The data type of <c>visits.&lt;column&gt;</c> in a tenant's schema, or null when it has none.</summary>
    protected static async Task<string?> ColumnTypeAsync(NpgsqlDataSource source, string schema, string column)
    {
        await using var command = source.CreateCommand("SELECT data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'visits' AND column_name = $2");
        command.Parameters.Add(new() { Value = schema });
        command.Parameters.Add(new() { Value = column });
        return (string?)await command.ExecuteScalarAsync(Ct);
    }

    /// <summary>The versions in a tenant schema's migration history, oldest first.</summary>
    protected static async Task<List<string>> HistoryAsync(NpgsqlDataSource source, string schema)
    {
        await using var command = source.CreateCommand($"SELECT version FROM \"{schema}\".ashlar_schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var versions = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            versions.Add(reader.GetString(0));
        }

        return versions;
    }
}
