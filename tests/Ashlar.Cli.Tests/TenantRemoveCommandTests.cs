using Ashlar.Cli.Tests.Tenants;
using Ashlar.Testing;
using Xunit;

namespace Ashlar.Cli.Tests;

/// <summary>
/// <c>remove --tenants</c>: deletes the newest unapplied tenant migration with its tenant snapshots, and refuses,
/// naming the tenants, while any tenant has it applied.
/// </summary>
public sealed class TenantRemoveCommandTests(DatabaseFixture db)
    : TenantCommandTestBase(db, "ashlar-cli-tenant-remove-"), IClassFixture<DatabaseFixture>
{
    private string TenantSnapshots => Path.Combine(Root, "Snapshots", "clinic_repo", "tenants");

    private List<string> Files(string folder, string pattern) =>
        Directory.GetFiles(folder, pattern, SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Remove_tenants_refuses_while_a_tenant_has_it_applied_then_removes_it_with_its_snapshots_only()
    {
        Assert.Equal(0, await RunAsync(First(), "codegen", "initial"));
        Assert.Equal(0, await RunAsync(First(), "migrate"));
        await CreateClinicsAsync("a", "b");

        var globalBefore = Files(Path.Combine(Root, "clinic_repo"), "*.sql").Where(f => !f.Contains("tenants", StringComparison.Ordinal)).ToList();
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
        Assert.Contains($"clinic_repo/tenants: {Path.GetFileNameWithoutExtension(added)} is applied in 1 tenant(s): clinic_b; run rollback --tenants first", Err.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("clinic_a", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains(added, Files(TenantFolder, "*.sql"));

        Assert.Equal(0, await RunAsync(Next(), "rollback", "--tenants", "--only", "clinic_b"));
        Assert.Equal(0, await RunAsync(Next(), "remove", "--tenants", "--dry-run"));
        Assert.Contains($"clinic_repo/tenants: would remove {Path.Combine(Root, added)}", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains(added, Files(TenantFolder, "*.sql"));

        Assert.Equal(0, await RunAsync(Next(), "remove", "--tenants"));

        Assert.Equal(initialTenant, Files(TenantFolder, "*.sql"));
        Assert.Equal(initialSnapshots, Files(TenantSnapshots, "*.json"));
        Assert.Equal(globalBefore, Files(Path.Combine(Root, "clinic_repo"), "*.sql").Where(f => !f.Contains("tenants", StringComparison.Ordinal)).ToList());
        foreach (var path in addedSnapshots.Prepend(added))
        {
            Assert.Contains($"clinic_repo/tenants: removed {Path.Combine(Root, path)}", Out.ToString(), StringComparison.Ordinal);
        }

        // With the tenant snapshots gone too, codegen sees the change again and writes the tenant migration anew.
        Assert.Equal(0, await RunAsync(Next(), "codegen", "add_notes"));
        Assert.Equal(2, Files(TenantFolder, "*.sql").Count);
        Assert.Single(Err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); // the one refusal
    }

    [Fact]
    public async Task Remove_tenants_with_no_tenant_migrations_says_so()
    {
        Assert.Equal(0, await RunAsync(First(), "remove", "--tenants"));

        Assert.Contains("No tenant migrations to remove.", Out.ToString(), StringComparison.Ordinal);
    }
}
