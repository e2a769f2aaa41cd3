using Ashlar.Cli.Tests.Tenants;
using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Testing;
using Xunit;

namespace Ashlar.Cli.Tests;

/// <summary>
/// <c>remove --tenants</c>: deletes the newest unapplied tenant migration with its tenant snapshots, and refuses,
/// naming the tenants, while any tenant has it applied.
/// </summary>
public sealed class TenantRemoveCommandTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ashlar-cli-tenant-remove-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DomainModel First() => DomainModel.Build("clinics", d => d.Resource<Clinic>().Resource<Visit>());

    private static DomainModel Next() => DomainModel.Build("clinics", d => d.Resource<Clinic>().Resource<NotedVisit>());

    private string TenantFolder => Path.Combine(_root, "clinic_repo", "tenants");

    private string TenantSnapshots => Path.Combine(_root, "Snapshots", "clinic_repo", "tenants");

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private Task<int> RunAsync(DomainModel domain, params string[] args) =>
        AshlarCli.RunAsync(args, domain, new CliOptions
        {
            ConnectionString = db.ConnectionString,
            MigrationsDirectory = _root,
            Output = _out,
            Error = _err,
        }, Ct);

    private List<string> Files(string folder, string pattern) =>
        Directory.GetFiles(folder, pattern, SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root, f)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Remove_tenants_refuses_while_a_tenant_has_it_applied_then_removes_it_with_its_snapshots_only()
    {
        Assert.Equal(0, await RunAsync(First(), "codegen", "initial"));
        Assert.Equal(0, await RunAsync(First(), "migrate"));
        await using (var domain = PostgresDomain.Create(First(), pg => pg.Repo<ClinicRepo>(db.DataSource).TenantMigrations<ClinicRepo>(TenantFolder)))
        {
            foreach (var slug in new[] { "a", "b" })
            {
                await domain.CreateAsync<Clinic>(new { slug }, cancellationToken: Ct);
            }
        }

        var globalBefore = Files(Path.Combine(_root, "clinic_repo"), "*.sql").Where(f => !f.Contains("tenants", StringComparison.Ordinal)).ToList();
        var initialTenant = Files(TenantFolder, "*.sql");
        var initialSnapshots = Files(TenantSnapshots, "*.json");
        Assert.Equal(0, await RunAsync(Next(), "codegen", "add_notes"));
        var added = Assert.Single(Files(TenantFolder, "*.sql").Except(initialTenant));
        var version = Path.GetFileName(added)[..14];
        var addedSnapshots = Files(TenantSnapshots, "*.json").Except(initialSnapshots).ToList();
        Assert.NotEmpty(addedSnapshots);
        Assert.All(addedSnapshots, s => Assert.StartsWith(version, Path.GetFileName(s), StringComparison.Ordinal));
        Assert.Equal(0, await RunAsync(Next(), "migrate", "--tenants", "--only", "clinic_b"));

        var refused = await RunAsync(Next(), "remove", "--tenants");

        Assert.Equal(1, refused);
        Assert.Contains($"clinic_repo/tenants: {Path.GetFileNameWithoutExtension(added)} is applied in 1 tenant(s): clinic_b; run rollback --tenants first", _err.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("clinic_a", _err.ToString(), StringComparison.Ordinal);
        Assert.Contains(added, Files(TenantFolder, "*.sql"));

        Assert.Equal(0, await RunAsync(Next(), "rollback", "--tenants", "--only", "clinic_b"));
        Assert.Equal(0, await RunAsync(Next(), "remove", "--tenants", "--dry-run"));
        Assert.Contains($"clinic_repo/tenants: would remove {Path.Combine(_root, added)}", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains(added, Files(TenantFolder, "*.sql"));

        Assert.Equal(0, await RunAsync(Next(), "remove", "--tenants"));

        Assert.Equal(initialTenant, Files(TenantFolder, "*.sql"));
        Assert.Equal(initialSnapshots, Files(TenantSnapshots, "*.json"));
        Assert.Equal(globalBefore, Files(Path.Combine(_root, "clinic_repo"), "*.sql").Where(f => !f.Contains("tenants", StringComparison.Ordinal)).ToList());
        foreach (var path in addedSnapshots.Prepend(added))
        {
            Assert.Contains($"clinic_repo/tenants: removed {Path.Combine(_root, path)}", _out.ToString(), StringComparison.Ordinal);
        }

        // With the tenant snapshots gone too, codegen sees the change again and writes the tenant migration anew.
        Assert.Equal(0, await RunAsync(Next(), "codegen", "add_notes"));
        Assert.Equal(2, Files(TenantFolder, "*.sql").Count);
        Assert.Single(_err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); // the one refusal
    }

    [Fact]
    public async Task Remove_tenants_with_no_tenant_migrations_says_so()
    {
        Assert.Equal(0, await RunAsync(First(), "remove", "--tenants"));

        Assert.Contains("No tenant migrations to remove.", _out.ToString(), StringComparison.Ordinal);
    }
}
