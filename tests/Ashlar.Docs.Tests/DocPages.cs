namespace Ashlar.Docs.Tests;

/// <summary>The pages whose ```csharp blocks are compiled, with their contexts (see docs/README.md).</summary>
public static class DocPages
{
    public static readonly IReadOnlyList<DocPage> All =
    [
        new("README.md", "ReadmePage", "HelpDesk.Resources"),
        new("docs/actions.md", "ActionsPage", "Ashlar.Docs.Tests.Models.Articles"),
        new("docs/errors.md", "ErrorsPage", "Ashlar.Docs.Tests.Models.Library"),
        new("docs/hosting.md", "HostingPage", "HelpDesk.Resources"),
        new("docs/migrations.md", "MigrationsPage", "Ashlar.Docs.Tests.Models.Library", "HelpDesk.Resources"),
        new("docs/multitenancy.md", "MultitenancyPage", "Ashlar.Docs.Tests.Models.Saas"),
        new("docs/queries.md", "QueriesPage", "Ashlar.Docs.Tests.Models.Blog"),
        new("docs/repos-and-replicas.md", "ReposPage", "HelpDesk.Resources"),
        new("docs/resources.md", "ResourcesPage", "HelpDesk.Resources", "Ashlar.Docs.Tests.Models.Stories"),
        new("docs/writes.md", "WritesPage", "HelpDesk.Resources", "Ashlar.Docs.Tests.Models.Scores"),
    ];

    /// <summary>The repository's root (the folder holding Ashlar.slnx), found upwards from the test's binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ashlar.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Ashlar.slnx above {AppContext.BaseDirectory}");
    }
}
