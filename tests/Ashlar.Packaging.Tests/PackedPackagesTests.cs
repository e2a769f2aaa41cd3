using System.Reflection;
using Ashlar.Testing;
using Xunit;

namespace Ashlar.Packaging.Tests;

/// <summary>
/// Packs Ashlar, Ashlar.Postgres, Ashlar.LocalCluster, Ashlar.Cli and Ashlar.Testing into a local feed, then builds a
/// small application against those packages only (no project references, offline: the feed and this machine's NuGet
/// package folder), and runs codegen, migrate and status with it — from its folder, from another folder, and published.
/// </summary>
public sealed class PackedPackagesTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IDisposable
{
    private static readonly string[] Packed = ["src/Ashlar", "src/Ashlar.Postgres", "src/Ashlar.LocalCluster", "src/Ashlar.Cli", "tests/Ashlar.Testing"];

    private readonly string _work = Directory.CreateTempSubdirectory("ashlar-packages-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ashlar.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Ashlar.slnx above {AppContext.BaseDirectory}.");
    }

    private static string MachinePackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    [Fact]
    public async Task An_application_built_from_the_packages_generates_applies_and_reports_its_migrations_from_any_folder()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = RepositoryRoot();
        var feed = Path.Combine(_work, "feed");
        var configuration = typeof(PackedPackagesTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var env = new Dictionary<string, string>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["NUGET_PACKAGES"] = Path.Combine(_work, "packages"),
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        foreach (var project in Packed)
        {
            var (exit, output) = await DotnetProcess.RunAsync(root, new Dictionary<string, string>(), ct, "pack", project, "-c", configuration, "--no-build", "-o", feed);
            Assert.True(exit == 0, $"dotnet pack {project}: {output}");
        }

        var packages = Directory.GetFiles(feed).Select(Path.GetFileName).ToList();
        var version = Path.GetFileNameWithoutExtension(packages.Single(p => p!.StartsWith("Ashlar.Cli.", StringComparison.Ordinal) && p.EndsWith(".nupkg", StringComparison.Ordinal)))!["Ashlar.Cli.".Length..];
        foreach (var id in new[] { "Ashlar", "Ashlar.Postgres", "Ashlar.LocalCluster", "Ashlar.Cli", "Ashlar.Testing" })
        {
            Assert.Contains($"{id}.{version}.nupkg", packages);
            Assert.Contains($"{id}.{version}.snupkg", packages);
        }

        var app = Path.Combine(_work, "app");
        Directory.CreateDirectory(app);
        var template = Path.Combine(AppContext.BaseDirectory, "TinyApp");
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(app, "Program.cs"));
        await File.WriteAllTextAsync(Path.Combine(app, "Tiny.csproj"), (await File.ReadAllTextAsync(Path.Combine(template, "Tiny.csproj.txt"), ct)).Replace("$(AshlarVersion)", version, StringComparison.Ordinal), ct);
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="ashlar" value="{feed}" />
                <add key="machine" value="{MachinePackages()}" />
              </packageSources>
            </configuration>
            """, ct);

        var build = await DotnetProcess.RunAsync(app, env, ct, "build", "-c", "Debug");
        Assert.True(build.Exit == 0, "dotnet build: " + build.Output);
        var dll = Path.Combine(app, "bin", "Debug", "net10.0", "Tiny.dll");

        env["ASHLAR_TEST_DB"] = db.ConnectionString;
        var made = await DotnetProcess.RunAsync(app, env, ct, dll, "make-database");
        Assert.True(made.Exit == 0, "make-database (Ashlar.Testing): " + made.Output);
        env["TINY_DATABASE"] = made.Output.Trim();

        var codegen = await DotnetProcess.RunAsync(_work, env, ct, dll, "codegen", "initial");
        Assert.True(codegen.Exit == 0, "codegen: " + codegen.Output);
        var migrations = Path.Combine(app, "Migrations");
        Assert.Contains($"Migrations folder: {migrations}", codegen.Output, StringComparison.Ordinal);
        Assert.Contains("tiny_repo: 2", codegen.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(migrations, "tiny_repo"), "*_initial.sql"));

        var migrate = await DotnetProcess.RunAsync(app, env, ct, dll, "migrate");
        Assert.True(migrate.Exit == 0, "migrate: " + migrate.Output);
        Assert.Contains("tiny_repo: applied 1 migration(s)", migrate.Output, StringComparison.Ordinal);
        var run = await DotnetProcess.RunAsync(app, env, ct, dll);
        Assert.True(run.Exit == 0, "the application: " + run.Output);
        Assert.Contains("created book 1: Dune", run.Output, StringComparison.Ordinal);

        var fromProject = await DotnetProcess.RunAsync(app, env, ct, dll, "status");
        var fromElsewhere = await DotnetProcess.RunAsync(Path.GetTempPath(), env, ct, dll, "status");
        Assert.Equal((0, fromProject.Output), fromElsewhere);
        Assert.Contains("1 applied, 0 pending.", fromProject.Output, StringComparison.Ordinal);

        var publish = Path.Combine(_work, "published");
        var published = await DotnetProcess.RunAsync(app, env, ct, "publish", "-c", "Release", "-o", publish, "-p:AshlarRecordProjectDirectory=false");
        Assert.True(published.Exit == 0, "dotnet publish: " + published.Output);
        var status = await DotnetProcess.RunAsync(Path.GetTempPath(), env, ct, Path.Combine(publish, "Tiny.dll"), "status");
        Assert.True(status.Exit == 0, "published status: " + status.Output);
        Assert.Contains($"Migrations folder: {Path.Combine(publish, "Migrations")}", status.Output, StringComparison.Ordinal);
        Assert.Contains("1 applied, 0 pending.", status.Output, StringComparison.Ordinal);
    }
}
